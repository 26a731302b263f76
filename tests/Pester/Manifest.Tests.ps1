BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:manifestPath = $env:SVELTOS_MODULE
    $script:manifest = Import-PowerShellDataFile $manifestPath
    $script:assembly = (Get-Module Sveltos).ImplementingAssembly
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'is the repository manifest, copied unchanged' {
        Get-FileHash $manifestPath | Select-Object -ExpandProperty Hash |
            Should -Be (Get-FileHash (Join-Path $env:SVELTOS_REPO 'Sveltos.psd1')).Hash
    }

    It 'targets PowerShell 7.4+ Core with Sveltos.dll as the root module' {
        $manifest.RootModule | Should -Be 'Sveltos.dll'
        $manifest.PowerShellVersion | Should -Be '7.4'
        $manifest.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'exports exactly the cmdlets that Sveltos.dll defines' {
        $inCode = $assembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } |
            Sort-Object
        $manifest.CmdletsToExport | Sort-Object | Should -Be $inCode
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module Sveltos) {
            $command.Verb | Should -BeIn $approved -Because "$($command.Name) must use an approved verb"
        }
    }

    It 'stamps the manifest version on every Sveltos assembly' {
        $version = [version]$manifest.ModuleVersion
        $assembly.GetName().Version.ToString(3) | Should -Be $version.ToString(3)
        $engine = Get-ChildItem (Join-Path (Split-Path $manifestPath) 'Dependencies/Sveltos.Engine.dll')
        [Reflection.AssemblyName]::GetAssemblyName($engine.FullName).Version.ToString(3) | Should -Be $version.ToString(3)
    }

    It 'keeps only Sveltos files at the module root and no System.Management.Automation anywhere' {
        $root = Split-Path $manifestPath
        Get-ChildItem $root -File | ForEach-Object Name | Should -BeLike 'Sveltos.*'
        Get-ChildItem $root -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'has a table view for every output type' {
        $formats = [xml](Get-Content -Raw (Join-Path (Split-Path $manifestPath) 'Sveltos.Format.ps1xml'))
        $viewed = $formats.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName
        foreach ($command in Get-Command -Module Sveltos) {
            foreach ($type in $command.OutputType.Name | Where-Object { $_ -like 'Sveltos.*' }) {
                $type | Should -BeIn $viewed -Because "$($command.Name) outputs $type"
            }
        }
    }
}
