#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks Watch-Drift -Remediate: how fast out-of-band deletes and edits are seen and undone.
.DESCRIPTION
    A KubeSim fleet of -Clusters clusters, each holding -ObjectsPerCluster objects deployed by one ClusterProfile
    (three quarters ConfigMaps, the rest Secrets: two watched kinds per cluster), is watched by Watch-Drift -Remediate
    running in this process. After measuring the watcher at rest (CPU and memory over -RestSeconds with nothing
    happening), a driver makes -Changes changes through the API, one every -IntervalMs on a random object not changed
    before: half deletes, half edits of a data key. For each change it reports

      detection  = when the watcher saw the drift (the DriftResult's Time)  - when the driver sent the change
      restore    = when the remediation's apply returned (its DriftResult)   - when the driver sent the change

    as p50/p99/max, against the targets p99 detection < 1 s and p99 restore < 2 s, and checks with Test-Drift that
    the fleet ends clean. Writes drift.md and drift.json to -OutputDirectory. Missing a target is reported, never an
    error: this is not a test.
.PARAMETER Clusters
    How many clusters. Default 100, or $env:SVELTOS_BENCH_CLUSTERS (so 'build.ps1 Bench' can be scaled down).
.EXAMPLE
    dotnet pwsh ./bench/Drift/Invoke-DriftBench.ps1 -Clusters 10 -Changes 50
.NOTES
    KubeSim, the benchmark driver and the watcher share the machine: on 2 shared cores, run-to-run variation is large.
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000)]
    [int] $Clusters = $(if ($env:SVELTOS_BENCH_CLUSTERS) { [int] $env:SVELTOS_BENCH_CLUSTERS } else { 100 }),
    [ValidateRange(4, 200)]
    [int] $ObjectsPerCluster = 20,
    [ValidateRange(1, 10000)]
    [int] $Changes = 200,
    [ValidateRange(0, 10000)]
    [int] $IntervalMs = 50,
    [ValidateRange(1, 600)]
    [int] $RestSeconds = 10,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/Sveltos/Sveltos.psd1'),
    [string] $KubeSimModule = (Join-Path $PSScriptRoot '../../build/KubeSim.psm1'),
    [string] $KubeSimPath,
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../../out/bench')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $KubeSimModule -Force
Import-Module $ModulePath -Force

function Get-Percentile([double[]] $Values, [double] $P) {
    if (-not $Values) { return [double]::NaN }
    $sorted = $Values | Sort-Object
    $sorted[[math]::Min($sorted.Count - 1, [math]::Ceiling($P / 100 * $sorted.Count) - 1)]
}

function New-BenchContent([string] $Path, [int] $Count) {
    $secrets = [math]::Floor($Count / 4)
    $documents = foreach ($i in 1..$Count) {
        if ($i -le $Count - $secrets) { "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: drift-$i, namespace: bench}`ndata: {v: '$i'}" }
        else { "apiVersion: v1`nkind: Secret`nmetadata: {name: drift-$i, namespace: bench}`nstringData: {v: '$i'}" }
    }
    $indented = (($documents -join "`n---`n") -split "`n" | ForEach-Object { "    $_" }) -join "`n"
    New-Item -ItemType Directory -Force (Join-Path $Path 'content'), (Join-Path $Path 'profiles') | Out-Null
    Set-Content (Join-Path $Path 'content/drift.yaml') "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: drift`n  namespace: fleet`ndata:`n  manifests.yaml: |`n$indented`n"
    Set-Content (Join-Path $Path 'profiles/drift.yaml') "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata:`n  name: drift`nspec:`n  clusterSelector:`n    matchLabels: {tier: bench}`n  policyRefs: [{kind: ConfigMap, name: drift}]`n"
    $Count - $secrets
}

$work = Join-Path ([IO.Path]::GetTempPath()) "sveltos-drift-bench-$([guid]::NewGuid())"
$fleetPath = Join-Path $work 'fleet'
New-Item -ItemType Directory $fleetPath | Out-Null
$names = 1..$Clusters | ForEach-Object { 'd{0:d3}' -f $_ }
$startArguments = @{ Clusters = $names; KubeconfigPath = (Join-Path $work 'kubeconfig'); NoRuntime = $true }
if ($KubeSimPath) { $startArguments.Path = $KubeSimPath }
$sim = Start-KubeSim @startArguments
$watcher = $null
try {
    Write-Host "Deploying $ObjectsPerCluster objects to each of $Clusters clusters..."
    foreach ($name in $names) {
        Register-SveltosCluster -Name $name -Namespace fleet -Label @{ tier = 'bench' } -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath | Out-Null
    }
    $configMaps = New-BenchContent $fleetPath $ObjectsPerCluster
    $failed = @(Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -Summary | Where-Object Status -NE 'Provisioned')
    if ($failed) { throw "The initial sync failed: $($failed | Out-String)" }

    # The process at rest without the watcher (pwsh and this script), so the watcher's own cost can be told apart.
    $process = [Diagnostics.Process]::GetCurrentProcess()
    function Measure-Rest {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $process.Refresh()
        $cpuBefore = $process.TotalProcessorTime
        $restWatch = [Diagnostics.Stopwatch]::StartNew()
        Start-Sleep -Seconds $RestSeconds
        $process.Refresh()
        [pscustomobject]@{
            CpuPercent   = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds / $restWatch.Elapsed.TotalMilliseconds * 100
            WorkingSetMb = $process.WorkingSet64 / 1MB
            ManagedMb    = [GC]::GetTotalMemory($true) / 1MB
        }
    }
    Start-Sleep -Seconds 2
    $baseline = Measure-Rest

    # The watcher runs in this process, as a user's session would run it.
    $sink = [Collections.Concurrent.ConcurrentQueue[object]]::new()
    $watcher = [powershell]::Create()
    $null = $watcher.AddScript({
            param($module, $sink, $path, $kubeconfig)
            Import-Module $module
            Watch-Drift -Remediate -FleetPath $path -Kubeconfig $kubeconfig | ForEach-Object { $sink.Enqueue($_) }
        }).AddArgument($ModulePath).AddArgument($sink).AddArgument($fleetPath).AddArgument($sim.KubeconfigPath)
    $null = $watcher.BeginInvoke()
    $expectedWatches = 3 * $Clusters
    $deadline = [DateTime]::UtcNow.AddSeconds(120)
    do {
        Start-Sleep -Milliseconds 500
        $watches = (Invoke-RestMethod -Uri ($sim.ControlUrl + '/counters') -Headers @{ Authorization = "Bearer $($sim.ControlToken)" }).PSObject.Properties.Value |
            ForEach-Object { $_.watch } | Measure-Object -Sum | Select-Object -ExpandProperty Sum
    } while ($watches -lt $expectedWatches -and [DateTime]::UtcNow -lt $deadline)
    Write-Host "Watching: $watches watches open."
    Start-Sleep -Seconds 1

    # At rest: nothing changes; what does the watcher cost (CPU in % of one core)?
    $rest = Measure-Rest
    if ($sink.Count -gt 0) { Write-Warning "$($sink.Count) drift result(s) at rest, before any change." }

    # The driver: changes through the API (bearer token, as any client), each on an object not changed before.
    $info = @{}
    Get-KubeSimCluster | ForEach-Object { $info[$_.name] = $_ }
    $targets = foreach ($name in $names) { foreach ($i in 1..$ObjectsPerCluster) { [pscustomobject]@{ Cluster = $name; Index = $i } } }
    $picked = $targets | Get-Random -Count ([math]::Min($Changes, @($targets).Count))
    $made = [Collections.Generic.List[object]]::new()
    $random = [Random]::new(7)
    Write-Host "Driving $(@($picked).Count) changes, one every $IntervalMs ms..."
    foreach ($target in $picked) {
        $cluster = $info[$target.Cluster]
        $kind, $resource = if ($target.Index -le $configMaps) { 'ConfigMap', 'configmaps' } else { 'Secret', 'secrets' }
        $uri = "$($cluster.server)/api/v1/namespaces/bench/$resource/drift-$($target.Index)"
        $delete = $random.Next(2) -eq 0
        $sent = [DateTimeOffset]::UtcNow
        if ($delete) {
            $null = Invoke-RestMethod -Method Delete -Uri $uri -Headers @{ Authorization = "Bearer $($cluster.token)" } -SkipCertificateCheck
        }
        else {
            $body = if ($kind -eq 'ConfigMap') { '{"data":{"v":"edited"}}' } else { '{"data":{"v":"ZWRpdGVk"}}' }
            $null = Invoke-RestMethod -Method Patch -Uri $uri -Headers @{ Authorization = "Bearer $($cluster.token)" } -ContentType 'application/merge-patch+json' -Body $body -SkipCertificateCheck
        }
        $made.Add([pscustomobject]@{ Cluster = "fleet/$($target.Cluster)"; Kind = $kind; Name = "drift-$($target.Index)"; Change = if ($delete) { 'Deleted' } else { 'Modified' }; Sent = $sent })
        if ($IntervalMs) { Start-Sleep -Milliseconds $IntervalMs }
    }

    # Wait for every remediation, then match results to changes.
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (@($sink.ToArray() | Where-Object Status -EQ 'Remediated').Count -lt $made.Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    $results = $sink.ToArray()
    $detection = [Collections.Generic.List[double]]::new()
    $restore = [Collections.Generic.List[double]]::new()
    $missed = 0
    foreach ($change in $made) {
        $mine = @($results | Where-Object { $_.Cluster -eq $change.Cluster -and $_.Kind -eq $change.Kind -and $_.Name -eq $change.Name })
        $seen = $mine | Where-Object Status -EQ 'Drifted' | Select-Object -First 1
        $fixed = $mine | Where-Object Status -EQ 'Remediated' | Select-Object -First 1
        if (-not $seen -or -not $fixed) { $missed++; continue }
        $detection.Add(($seen.Time - $change.Sent).TotalMilliseconds)
        $restore.Add(($fixed.Time - $change.Sent).TotalMilliseconds)
    }
    $wrongChange = @($made | Where-Object { $c = $_; -not ($results | Where-Object { $_.Cluster -eq $c.Cluster -and $_.Name -eq $c.Name -and $_.Kind -eq $c.Kind -and $_.Change -eq $c.Change }) }).Count
    $extra = @($results | Where-Object Status -EQ 'Drifted').Count - ($made.Count - $missed)
    $errors = $watcher.Streams.Error.Count
    Start-Sleep -Seconds 1
    $leftOver = @(Test-Drift -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -Quiet)[0]

    $row = [ordered]@{
        Clusters          = $Clusters
        ObjectsPerCluster = $ObjectsPerCluster
        Watches           = $watches
        Changes           = $made.Count
        Missed            = $missed
        WrongChangeType   = $wrongChange
        ExtraDriftReports = $extra
        WatcherErrors     = $errors
        DriftAfterwards   = $leftOver
        DetectP50Ms       = [math]::Round((Get-Percentile $detection 50), 1)
        DetectP99Ms       = [math]::Round((Get-Percentile $detection 99), 1)
        DetectMaxMs       = [math]::Round((Get-Percentile $detection 100), 1)
        RestoreP50Ms      = [math]::Round((Get-Percentile $restore 50), 1)
        RestoreP99Ms      = [math]::Round((Get-Percentile $restore 99), 1)
        RestoreMaxMs      = [math]::Round((Get-Percentile $restore 100), 1)
        RestCpuPercent    = [math]::Round($rest.CpuPercent, 2)
        BaselineCpuPercent = [math]::Round($baseline.CpuPercent, 2)
        WatcherCpuPercent = [math]::Round($rest.CpuPercent - $baseline.CpuPercent, 2)
        RestWorkingSetMB  = [math]::Round($rest.WorkingSetMb, 1)
        WatcherWorkingSetMB = [math]::Round($rest.WorkingSetMb - $baseline.WorkingSetMb, 1)
        WatcherManagedHeapMB = [math]::Round($rest.ManagedMb - $baseline.ManagedMb, 1)
    }
    $targetsMet = [ordered]@{
        'p99 detection < 1 s' = $row.DetectP99Ms -lt 1000
        'p99 restore < 2 s'   = $row.RestoreP99Ms -lt 2000
        'nothing missed'      = $missed -eq 0 -and -not $leftOver
    }
    [pscustomobject]$row | Format-List | Out-String | Write-Host
    foreach ($t in $targetsMet.GetEnumerator()) { Write-Host ("{0,-22} {1}" -f $t.Key, $(if ($t.Value) { 'met' } else { 'NOT met' })) }

    New-Item -ItemType Directory -Force $OutputDirectory | Out-Null
    [ordered]@{ Result = $row; Targets = $targetsMet } | ConvertTo-Json | Set-Content (Join-Path $OutputDirectory 'drift.json')
    $md = @('# Drift detection benchmark', '', '| Measure | Value |', '| --- | --- |')
    $md += $row.GetEnumerator() | ForEach-Object { "| $($_.Key) | $($_.Value) |" }
    $md += '', '| Target | Met |', '| --- | --- |'
    $md += $targetsMet.GetEnumerator() | ForEach-Object { "| $($_.Key) | $($_.Value) |" }
    Set-Content (Join-Path $OutputDirectory 'drift.md') $md
}
finally {
    if ($watcher) { $watcher.Stop(); $watcher.Dispose() }
    Stop-KubeSim $sim
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}
