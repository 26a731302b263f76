<#
.SYNOPSIS
    Measures the Helm engine against a corpus of real `helm template` goldens kept outside the repository.
.DESCRIPTION
    Runs tools/HelmCorpus, which renders every case of the corpus's cases.json with the engine and prints, per case,
    identical / differs (first differing line, both sides) / blocked (why), then "N of M identical". Not a test and
    not part of CI: the corpus is not in the repository.
.PARAMETER CorpusPath
    The corpus folder (cases.json, charts/, expected/, derived/). Default: $env:HELM_CORPUS, else /work/helm-corpus.
.EXAMPLE
    dotnet pwsh ./build/Measure-HelmCorpus.ps1 -CorpusPath ~/helm-corpus
#>
param(
    [string] $CorpusPath = ($env:HELM_CORPUS ? $env:HELM_CORPUS : '/work/helm-corpus')
)

$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot '../tools/HelmCorpus/HelmCorpus.csproj'
dotnet run -c Release --project $project -- $CorpusPath
exit $LASTEXITCODE
