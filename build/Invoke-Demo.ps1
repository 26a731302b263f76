function Invoke-Demo {
    param([pscustomobject] $Context)

    $work = Join-Path $Context.Out 'demo'
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
    New-Item -ItemType Directory -Path $work -Force | Out-Null
    $env:SVELTOS_KUBESIM = Join-Path $Context.KubeSimDir 'kubesim.dll'
    Invoke-ChildPwsh $Context @('-File', (Join-Path $PSScriptRoot 'Demo.ps1'), '-ModulePath', (Join-Path $Context.ModuleDir 'Sveltos.psd1'), '-WorkDir', $work)
}
