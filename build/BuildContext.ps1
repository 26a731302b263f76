function New-BuildContext {
    param([string] $Root, [string] $Configuration)

    $out = Join-Path $Root 'out'
    [pscustomobject]@{
        Root          = $Root
        Configuration = $Configuration
        Out           = $out
        ModuleDir     = Join-Path $out 'Sveltos'
        PublishDir    = Join-Path $out 'publish/Sveltos'
        KubeSimDir    = Join-Path $out 'kubesim'
        ResultsDir    = Join-Path $out 'test-results'
        ToolsDir      = Join-Path $Root '.tools/packages'
        DocsDir       = Join-Path $Root 'docs/en-US'
        # 'dotnet pwsh' runs pwsh.dll through the dotnet host; children are started the same way.
        Pwsh          = @('dotnet', (Join-Path $PSHOME 'pwsh.dll'))
    }
}

function Invoke-ChildPwsh {
    param([pscustomobject] $Context, [string[]] $Arguments)
    & $Context.Pwsh[0] $Context.Pwsh[1] -NoProfile -NonInteractive @Arguments
}

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}
