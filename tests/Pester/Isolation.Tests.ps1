BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Dependency isolation' {
    It 'works beside another major version of YamlDotNet already loaded by someone else' {
        $otherYaml = Join-Path $env:SVELTOS_TOOLS 'yamldotnet/13.7.1/lib/net7.0/YamlDotNet.dll'
        $kubeconfig = New-TestKubeconfig -Path (Join-Path $TestDrive 'config') -Cluster 'iso-1', 'iso-2'
        $output = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$otherYaml'
`$before = [YamlDotNet.Serialization.Deserializer].Assembly
Import-Module '$env:SVELTOS_MODULE'
`$clusters = Get-SveltosCluster -Kubeconfig '$kubeconfig'
'clusters=' + ((`$clusters | ForEach-Object Name) -join ',')
'default=' + `$before.GetName().Version.Major + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$before).Name
`$engineYaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' -and `$_ -ne `$before }
'engine=' + `$engineYaml.GetName().Version.Major + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engineYaml).Name
`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Sveltos.Engine' }
'enginectx=' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine).Name
"@
        $output | Should -Contain 'clusters=iso-1,iso-2'
        $output | Should -Contain 'default=13:Default'
        $output | Should -Contain 'engine=18:Sveltos.Engine'
        $output | Should -Contain 'enginectx=Sveltos.Engine'
    }
}
