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

    It 'runs Lua with its own KeraLua beside another version already loaded by someone else' {
        $otherLua = Join-Path $env:SVELTOS_TOOLS 'keralua/1.3.1/lib/net6.0/KeraLua.dll'
        $output = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$otherLua'
`$before = [KeraLua.Lua].Assembly
Import-Module '$env:SVELTOS_MODULE'
`$ok = New-ClusterClassifier -Name ok -ClassifierLabel @{ a = 'b' } -ResourceSelector @{ group = ''; version = 'v1'; kind = 'Pod'; evaluate = 'function evaluate() return { matching = true } end' }
'ok=' + `$ok.Name
try { New-ClusterClassifier -Name bad -ClassifierLabel @{ a = 'b' } -ResourceSelector @{ group = ''; version = 'v1'; kind = 'Pod'; evaluate = 'function evaluate(' } }
catch { 'bad=' + `$_.FullyQualifiedErrorId.Split(',')[0] }
'default=' + `$before.GetName().Version.ToString(2) + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$before).Name
`$engineLua = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'KeraLua' -and `$_ -ne `$before }
'engine=' + `$engineLua.GetName().Version.ToString(2) + ':' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engineLua).Name
"@
        $output | Should -Contain 'ok=ok'
        $output | Should -Contain 'bad=InvalidLuaScript'
        $output | Should -Contain 'default=1.3:Default'
        $output | Should -Contain 'engine=1.4:Sveltos.Engine'
    }
}
