BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:commands = Get-Command -Module Sveltos | ForEach-Object { @{ Name = $_.Name } }
    $script:abouts = Get-ChildItem (Join-Path $env:SVELTOS_REPO 'docs/en-US') -Filter 'about_*.md' | ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:docsDir = Join-Path $env:SVELTOS_REPO 'docs/en-US'
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-DocSynopsis([string] $Name) {
        $lines = Get-Content (Join-Path $docsDir "$Name.md")
        $start = [array]::IndexOf($lines, '## SYNOPSIS') + 1
        ($lines[$start..($lines.Count - 1)] | ForEach-Object { $_ } | Select-Object -First 20 |
            Where-Object { $_ } | Select-Object -First 1).Trim()
    }
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $script:command = Get-Command $Name
        $script:help = Get-Help $Name -Full
    }

    It 'shows the synopsis written in docs/en-US' {
        $help.Synopsis | Should -Be (Get-DocSynopsis $Name)
    }

    It 'has one syntax item per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be $command.ParameterSets.Count
    }

    It 'has at least one example with code' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        $help.examples.example[0].code | Should -Not -BeNullOrEmpty
    }

    It 'shows each parameter''s type as Get-Command does, never a generic name such as Nullable`1' {
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
            $type = [Nullable]::GetUnderlyingType($parameter.ParameterType) ?? $parameter.ParameterType
            $described = $help.parameters.parameter | Where-Object name -EQ $parameter.Name
            if ($type -ne [switch]) { $described.parameterValue | Should -Be $type.Name -Because "-$($parameter.Name) is a $type" }
        }
        ($help.syntax | Out-String -Width 400) | Should -Not -Match '`\d'
    }

    It 'has no link that Get-Help -Online cannot open' {
        $front = (Get-Content (Join-Path $docsDir "$Name.md") | Select-Object -First 6) -match '^online version:\s*(\S*)'
        $online = ($front -replace '^online version:\s*', '').Trim()
        foreach ($uri in @($help.relatedLinks.navigationLink.uri) | Where-Object { $_ }) {
            $uri | Should -Be $online -Because 'Get-Help -Online opens the first link with a URI, which must be the online version'
        }
        if (-not $online) {
            { Get-Help $Name -Online -ErrorAction Stop } | Should -Throw -ExpectedMessage '*URI*not specified*'
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
            $described = $help.parameters.parameter | Where-Object name -EQ $parameter.Name
            $described | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs help"
            ($described.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }
}

Describe 'Help coverage' {
    It 'has a doc for every cmdlet and a cmdlet for every doc' {
        $docs = Get-ChildItem $docsDir -Filter '*.md' | Where-Object Name -NotLike 'about_*' | ForEach-Object BaseName | Sort-Object
        $cmdlets = Get-Command -Module Sveltos | ForEach-Object Name | Sort-Object
        $docs | Should -Be $cmdlets
    }

    It 'ships the about_Sveltos topic' {
        (Get-Help about_Sveltos | Out-String) | Should -Match 'ClusterProfile'
    }
}

Describe 'About topic <Name>' -ForEach $abouts {
    It 'shows the SHORT DESCRIPTION of its markdown as its synopsis' {
        $lines = Get-Content $Path
        $start = [array]::IndexOf($lines, '## SHORT DESCRIPTION') + 1
        $end = [array]::IndexOf($lines, '## LONG DESCRIPTION')
        $expected = (($lines[$start..($end - 1)] | Where-Object { $_ }) -join ' ').Trim()
        (Get-Help $Name).Synopsis | Should -Be $expected
        (Get-Help "$Name*" | Where-Object Name -EQ $Name).Synopsis | Should -Be $expected
    }
}
