#Requires -Version 7.4
# Runs the Pester suite against the built module in this (child) process and writes the counts.
param(
    [Parameter(Mandatory)] [string] $Context,
    [Parameter(Mandatory)] [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
$ctx = $Context | ConvertFrom-Json
Import-Module (Join-Path $ctx.ToolsDir 'pester/5.7.1/tools/Pester.psd1') -Force

# The tests find the build outputs through these variables, so they can run from any folder.
$env:SVELTOS_MODULE = Join-Path $ctx.ModuleDir 'Sveltos.psd1'
$env:SVELTOS_REPO = $ctx.Root
$env:SVELTOS_TOOLS = $ctx.ToolsDir
$env:SVELTOS_KUBESIM = Join-Path $ctx.KubeSimDir 'kubesim.dll'
$env:SVELTOS_PWSH = $ctx.Pwsh -join [IO.Path]::PathSeparator

$configuration = New-PesterConfiguration
$configuration.Run.Path = if ($ctx.PSObject.Properties['PesterPath']) { @($ctx.PesterPath) } else { Join-Path $ctx.Root 'tests/Pester' }
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = Join-Path $ctx.ResultsDir 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
    ConvertTo-Json | Set-Content $ResultFile
exit ([int]($result.Result -ne 'Passed'))
