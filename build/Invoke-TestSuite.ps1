function Invoke-TestSuite {
    param([pscustomobject] $Context)

    Write-Step 'Restoring test tools into .tools/'
    dotnet restore (Join-Path $Context.Root 'build/tools.proj') --nologo -v quiet

    Remove-Item $Context.ResultsDir -Recurse -Force -ErrorAction Ignore
    New-Item -ItemType Directory -Path $Context.ResultsDir -Force | Out-Null

    $xunitDir = Join-Path $Context.ResultsDir 'xunit'
    $PSNativeCommandUseErrorActionPreference = $false
    $xunitExit = 0
    if (-not $Context.PSObject.Properties['PesterPath']) {
        Write-Step 'Chart registries (docker-registry on loopback ports)'
        Import-Module (Join-Path $Context.Root 'build/ChartRegistry.psm1') -Force
        $registryState = Join-Path $Context.ResultsDir 'chart-registries.json'
        $registries = Start-ChartRegistrySet -StateFile $registryState
        if (-not $registries.available) { Write-Warning "The OCI registry tests will fail: $($registries.reason) (SVELTOS_ALLOW_NO_REGISTRY=1 skips them instead)" }
        $env:SVELTOS_CHART_REGISTRIES = $registryState
        try {
            Write-Step 'xunit'
            dotnet test (Join-Path $Context.Root 'Sveltos.sln') -c $Context.Configuration --nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $xunitDir
            $xunitExit = $LASTEXITCODE
        }
        finally {
            Stop-ChartRegistrySet -StateFile $registryState
            Remove-Item Env:SVELTOS_CHART_REGISTRIES -ErrorAction Ignore
        }
    }
    $xunit = Get-TrxCounts $xunitDir

    Write-Step 'Pester (built module, child pwsh)'
    $pesterResult = Join-Path $Context.ResultsDir 'pester.json'
    Invoke-ChildPwsh $Context @(
        '-File', (Join-Path $Context.Root 'build/Invoke-PesterSuite.ps1'),
        '-Context', ($Context | ConvertTo-Json -Compress),
        '-ResultFile', $pesterResult)
    $pesterExit = $LASTEXITCODE
    $pester = if (Test-Path $pesterResult) { Get-Content $pesterResult | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    # A runner that crashed before reporting counts as a failure, never as a silent pass.
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $failed++ }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0) { $failed++ }

    Write-Host ''
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

function Get-TrxCounts {
    param([string] $Directory)

    $passed = 0
    $failed = 0
    foreach ($trx in Get-ChildItem $Directory -Filter '*.trx' -Recurse -ErrorAction Ignore) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}
