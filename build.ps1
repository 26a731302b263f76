#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and benchmarks the Sveltos module.
.DESCRIPTION
    Everything is installed into the repository (out/, .tools/); nothing is installed globally.
    Run 'dotnet tool restore' once first so that 'dotnet pwsh' exists.
.EXAMPLE
    dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Docs', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: runs only these Pester files (no xunit), e.g. tests/Pester/Trust.Tests.ps1.
    [string[]] $PesterPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$PSNativeCommandUseErrorActionPreference = $true

. (Join-Path $PSScriptRoot 'build/BuildContext.ps1')
. (Join-Path $PSScriptRoot 'build/Build-Module.ps1')
. (Join-Path $PSScriptRoot 'build/ConvertTo-MamlHelp.ps1')
. (Join-Path $PSScriptRoot 'build/Invoke-TestSuite.ps1')
. (Join-Path $PSScriptRoot 'build/Invoke-Demo.ps1')
. (Join-Path $PSScriptRoot 'build/Invoke-Benchmarks.ps1')

$context = New-BuildContext -Root $PSScriptRoot -Configuration $Configuration
if ($PesterPath) {
    $context | Add-Member PesterPath @($PesterPath -split ',' | ForEach-Object { (Resolve-Path $_).Path })
}

switch ($Task) {
    'Build' { Build-Module $context }
    'Docs' { Build-Module $context -HelpOnly }
    'Test' { Build-Module $context; Invoke-TestSuite $context }
    'Demo' { Build-Module $context; Invoke-Demo $context }
    'Bench' { Build-Module $context; Invoke-Benchmarks $context }
}
