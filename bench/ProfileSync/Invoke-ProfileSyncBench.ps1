#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks Invoke-ProfileSync against the kubectl loops a PowerShell user writes today.
.DESCRIPTION
    One add-on of ten objects (Manifests/: a Namespace, ServiceAccount, Role, RoleBinding, two ConfigMaps,
    Deployment, Service, PodDisruptionBudget, NetworkPolicy) goes to every cluster of a KubeSim fleet, by:

      1. foreach ($c in $contexts) { kubectl apply -f Manifests --context $c }               (client-side apply)
      2. the same loop with --server-side
      3. loop 1 with ForEach-Object -Parallel -ThrottleLimit 16
      4. Invoke-ProfileSync over a fleet directory whose ClusterProfile references the same manifests

    Each contender runs a first deployment and then the same command again (for Invoke-ProfileSync the
    no-op re-sync; for kubectl its equivalent re-run). Each contender gets its own KubeSim instance, so it
    starts from empty clusters, and its own empty kubectl discovery cache (as on a fresh CI agent; the re-run
    shows the warm-cache cost). API requests are KubeSim's per-cluster counters; writes are create, update,
    patch, apply and delete.

    The sequential loops are the slow part (about 0.25 s per cluster and run on KubeSim, so the default run
    of 200 clusters takes about 5 minutes on 2 cores). With -SequentialSample they run on that many clusters
    only and their wall time is extrapolated linearly, labelled as such.

    Prints a table, whether the targets hold (first sync at least 10x faster than the sequential kubectl loop,
    faster than the parallel loop, zero writes on the no-op re-sync), and writes profile-sync.md and
    profile-sync.json to -OutputDirectory. Missing a target is reported, never an error: this is not a test.
    The script fails only when the benchmark itself cannot run (a contender's deployment fails).
.PARAMETER Clusters
    How many clusters. Default 200, or $env:SVELTOS_BENCH_CLUSTERS (so 'build.ps1 Bench' can be scaled down).
.PARAMETER SequentialSample
    The most clusters the sequential kubectl loops really run on; 0 (the default) runs them on every cluster.
.EXAMPLE
    dotnet pwsh ./bench/ProfileSync/Invoke-ProfileSyncBench.ps1 -Clusters 20
.NOTES
    Reading the kubectl rows: the client-side re-run sends one PATCH per cluster even though nothing changed,
    for the PodDisruptionBudget (kubectl's strategic merge patch replaces spec.selector, whose patch strategy is
    'replace', on every apply); the server-side re-run sends every object again as an apply request, which the
    server finds to be a no-op. Wall times on a shared 2-core machine vary with its load: compare the ratios
    of one run, not numbers across runs.
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 2000)]
    [int] $Clusters = $(if ($env:SVELTOS_BENCH_CLUSTERS) { [int] $env:SVELTOS_BENCH_CLUSTERS } else { 200 }),

    [ValidateRange(0, 2000)]
    [int] $SequentialSample = 0,

    [ValidateRange(1, 256)]
    [int] $ThrottleLimit = 16,

    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/Sveltos/Sveltos.psd1'),
    [string] $KubeSimModule = (Join-Path $PSScriptRoot '../../build/KubeSim.psm1'),
    [string] $KubeSimPath,
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../../out/bench'),
    [string] $Kubectl = 'kubectl'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifests = Join-Path $PSScriptRoot 'Manifests'
$objectCount = @(Get-ChildItem $manifests -Filter '*.yaml').Count
$writeVerbs = 'create', 'update', 'patch', 'apply', 'delete'

Import-Module $KubeSimModule -Force
Import-Module $ModulePath -Force

function Get-FleetCounters {
    # Every cluster's counters in one control request: cluster name -> verb -> count.
    param($Sim)
    Invoke-RestMethod -Uri ($Sim.ControlUrl + '/counters') -Headers @{ Authorization = "Bearer $($Sim.ControlToken)" }
}

function Measure-CounterDelta {
    # Requests per cluster between two snapshots, over the given clusters.
    param($Before, $After, [string[]] $Cluster)

    $verbs = [ordered]@{}
    foreach ($name in $Cluster) {
        foreach ($property in $After.$name.PSObject.Properties) {
            $delta = $property.Value - $Before.$name.($property.Name)
            $verbs[$property.Name] = [long] ($verbs[$property.Name] ?? 0) + $delta
        }
    }
    $writes = ($writeVerbs | ForEach-Object { $verbs[$_] ?? 0 } | Measure-Object -Sum).Sum
    [pscustomobject]@{
        Total            = $verbs['total']
        Writes           = $writes
        TotalPerCluster  = [math]::Round($verbs['total'] / $Cluster.Count, 1)
        WritesPerCluster = [math]::Round($writes / $Cluster.Count, 1)
        Verbs            = $verbs
    }
}

function Invoke-KubectlLoop {
    # What users write today: kubectl apply per context, one after the other or -Parallel. Returns failures.
    param([string] $Kubeconfig, [string[]] $Context, [switch] $ServerSide, [int] $Parallel)

    [string[]] $extra = if ($ServerSide) { '--server-side' } else { @() }
    if ($Parallel) {
        $Context | ForEach-Object -ThrottleLimit $Parallel -Parallel {
            $extra = $using:extra
            $output = & $using:Kubectl --kubeconfig $using:Kubeconfig --context $_ apply -f $using:manifests @extra 2>&1
            if ($LASTEXITCODE -ne 0) { "${_}: $output" }
        }
    }
    else {
        foreach ($c in $Context) {
            $output = & $Kubectl --kubeconfig $Kubeconfig --context $c apply -f $manifests @extra 2>&1
            if ($LASTEXITCODE -ne 0) { "${c}: $output" }
        }
    }
}

function Assert-Deployed {
    # kubectl as the witness: the first and last target cluster hold every object.
    param([string] $Kubeconfig, [string[]] $Context, [string] $Contender)

    foreach ($c in @($Context[0], $Context[-1]) | Select-Object -Unique) {
        $found = @(& $Kubectl --kubeconfig $Kubeconfig --context $c get -f $manifests -o name 2>&1)
        if ($LASTEXITCODE -ne 0 -or $found.Count -ne $objectCount) {
            throw "${Contender}: cluster $c holds $($found.Count) of $objectCount objects: $found"
        }
    }
}

function New-BenchFleet {
    # A fleet directory: the clusters (labelled), a ConfigMap with one key per manifest, one ClusterProfile.
    param([string] $Path, [string] $Kubeconfig, [string[]] $Cluster)

    New-Item -ItemType Directory -Force (Join-Path $Path 'content'), (Join-Path $Path 'profiles') | Out-Null
    foreach ($name in $Cluster) {
        Register-SveltosCluster -Name $name -Namespace fleet -Label @{ tier = 'bench' } -FleetPath $Path -Kubeconfig $Kubeconfig | Out-Null
    }
    $data = foreach ($file in Get-ChildItem $manifests -Filter '*.yaml' | Sort-Object Name) {
        "  $($file.Name): |"
        Get-Content $file | ForEach-Object { "    $_" }
    }
    Set-Content (Join-Path $Path 'content/fleet-agent.yaml') (@(
            'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: fleet-agent', '  namespace: fleet', 'data:'
        ) + $data)
    Set-Content (Join-Path $Path 'profiles/fleet-agent.yaml') @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: fleet-agent
spec:
  clusterSelector:
    matchLabels: {tier: bench}
  policyRefs: [{kind: ConfigMap, name: fleet-agent}]
'@
}

function Measure-Contender {
    <#
    Starts a fresh KubeSim, runs the contender's first deployment and its re-run, and measures each:
    wall time and the requests the targeted clusters served. $Run gets (phase, kubeconfig, contexts, state)
    and returns failure messages; $Setup (untimed) prepares state.
    #>
    param(
        [string] $Name,
        [scriptblock] $Run,
        [scriptblock] $Setup,
        [int] $Sample
    )

    $work = Join-Path ([IO.Path]::GetTempPath()) "sveltos-bench-$([guid]::NewGuid())"
    New-Item -ItemType Directory $work | Out-Null
    $names = [string[]] (1..$Clusters | ForEach-Object { 'c{0:d3}' -f $_ })
    $targets = if ($Sample -gt 0 -and $Sample -lt $Clusters) { $names[0..($Sample - 1)] } else { $names }
    $startArguments = @{ Clusters = $names; KubeconfigPath = (Join-Path $work 'kubeconfig') }
    if ($KubeSimPath) { $startArguments.Path = $KubeSimPath }
    $sim = Start-KubeSim @startArguments
    $env:KUBECACHEDIR = Join-Path $work 'kube-cache'
    try {
        $state = @{ Work = $work }
        if ($Setup) { & $Setup $sim.KubeconfigPath $names $state }
        $phases = foreach ($phase in 'First', 'Rerun') {
            $before = Get-FleetCounters $sim
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $failures = @(& $Run $phase $sim.KubeconfigPath $targets $state)
            $seconds = $clock.Elapsed.TotalSeconds
            $after = Get-FleetCounters $sim
            if ($failures) { throw "${Name} ($phase): $($failures.Count) failures, first: $($failures[0])" }
            if ($phase -eq 'First') { Assert-Deployed $sim.KubeconfigPath $targets $Name }
            $requests = Measure-CounterDelta $before $after $targets
            $scaled = $targets.Count -lt $Clusters
            [pscustomobject]@{
                Contender        = $Name
                Phase            = $phase
                Seconds          = if ($scaled) { $seconds * $Clusters / $targets.Count } else { $seconds }
                MeasuredSeconds  = $seconds
                MeasuredClusters = $targets.Count
                Extrapolated     = $scaled
                TotalPerCluster  = $requests.TotalPerCluster
                WritesPerCluster = $requests.WritesPerCluster
                Writes           = $requests.Writes
                Verbs            = $requests.Verbs
            }
            Write-Host ('  {0,-5} {1,8:n1} s on {2} clusters, {3} requests/cluster ({4} writes)' -f $phase, $seconds, $targets.Count, $requests.TotalPerCluster, $requests.WritesPerCluster)
        }
        $phases
    }
    finally {
        Stop-KubeSim $sim
        Remove-Item Env:KUBECACHEDIR -ErrorAction Ignore
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }
}

$sequentialSample = if ($SequentialSample -gt 0 -and $SequentialSample -lt $Clusters) { $SequentialSample } else { 0 }
$kubectlVersion = (& $Kubectl version --client -o json | ConvertFrom-Json).clientVersion.gitVersion
Write-Host "Profile sync benchmark: $objectCount objects to $Clusters KubeSim clusters, kubectl $kubectlVersion, $([Environment]::ProcessorCount) cores"
if ($sequentialSample) { Write-Host "Sequential kubectl loops run on $sequentialSample clusters and are extrapolated to $Clusters." }

$contenders = @(
    @{
        Name   = 'kubectl apply (sequential loop)'
        Sample = $sequentialSample
        Run    = { param($phase, $kubeconfig, $contexts) Invoke-KubectlLoop $kubeconfig $contexts }
    }
    @{
        Name   = 'kubectl apply --server-side (sequential loop)'
        Sample = $sequentialSample
        Run    = { param($phase, $kubeconfig, $contexts) Invoke-KubectlLoop $kubeconfig $contexts -ServerSide }
    }
    @{
        Name = "kubectl apply (ForEach-Object -Parallel, $ThrottleLimit)"
        Run  = { param($phase, $kubeconfig, $contexts) Invoke-KubectlLoop $kubeconfig $contexts -Parallel $ThrottleLimit }
    }
    @{
        Name  = "Invoke-ProfileSync -ThrottleLimit $ThrottleLimit"
        Setup = { param($kubeconfig, $names, $state) New-BenchFleet (Join-Path $state.Work 'fleet') $kubeconfig $names }
        Run   = {
            param($phase, $kubeconfig, $contexts, $state)
            $summaries = @(Invoke-ProfileSync -FleetPath (Join-Path $state.Work 'fleet') -Kubeconfig $kubeconfig -ThrottleLimit $ThrottleLimit -Summary -ErrorAction Continue)
            $expected = if ($phase -eq 'First') { 'Created' } else { 'Unchanged' }
            if ($summaries.Count -ne $contexts.Count) { "$($summaries.Count) summaries for $($contexts.Count) clusters" }
            foreach ($summary in $summaries) {
                $count = if ($phase -eq 'First') { $summary.Created } else { $summary.Unchanged }
                if ($summary.Failed -or $count -ne $objectCount) { "$($summary.Cluster): $($summary.Status), $expected $count of $objectCount. $($summary.Message)" }
            }
        }
    }
)

$results = foreach ($contender in $contenders) {
    Write-Host "==> $($contender.Name)"
    Measure-Contender @contender
}

$baseline = @{}
foreach ($row in $results | Where-Object Contender -EQ $contenders[0].Name) { $baseline[$row.Phase] = $row.Seconds }
foreach ($row in $results) {
    $row | Add-Member -NotePropertyName VsSequential -NotePropertyValue ([math]::Round($baseline[$row.Phase] / $row.Seconds, 1))
}

function Get-Row([string] $Pattern, [string] $Phase) { $results | Where-Object { $_.Contender -like $Pattern -and $_.Phase -eq $Phase } }
$sync = @{ First = Get-Row 'Invoke-ProfileSync*' First; Rerun = Get-Row 'Invoke-ProfileSync*' Rerun }
$parallel = @{ First = Get-Row '*-Parallel*' First; Rerun = Get-Row '*-Parallel*' Rerun }
$targets = @(
    [pscustomobject]@{
        Target = 'First sync at least 10x faster than the sequential kubectl loop'
        Holds  = $sync.First.VsSequential -ge 10
        Actual = "$($sync.First.VsSequential)x"
    }
    [pscustomobject]@{
        Target = 'First sync faster than the parallel kubectl loop'
        Holds  = $sync.First.Seconds -lt $parallel.First.Seconds
        Actual = '{0:n1} s vs {1:n1} s' -f $sync.First.Seconds, $parallel.First.Seconds
    }
    [pscustomobject]@{
        Target = 'No-op re-sync faster than the parallel kubectl re-run'
        Holds  = $sync.Rerun.Seconds -lt $parallel.Rerun.Seconds
        Actual = '{0:n1} s vs {1:n1} s' -f $sync.Rerun.Seconds, $parallel.Rerun.Seconds
    }
    [pscustomobject]@{
        Target = 'Zero writes on the no-op re-sync'
        Holds  = $sync.Rerun.Writes -eq 0
        Actual = "$($sync.Rerun.Writes) writes"
    }
)

$table = foreach ($row in $results) {
    [pscustomobject]@{
        Contender = $row.Contender
        Run       = if ($row.Phase -eq 'First') { 'first' } else { 're-run' }
        Wall      = '{0:n1} s{1}' -f $row.Seconds, $(if ($row.Extrapolated) { '*' } else { ' ' })
        Ratio     = '{0:n1}x' -f $row.VsSequential
        Requests  = $row.TotalPerCluster
        Writes    = $row.WritesPerCluster
    }
}
$width = ($table.Contender | Measure-Object -Property Length -Maximum).Maximum
$line = "{0,-$width}  {1,-6}  {2,10}  {3,13}  {4,16}  {5,14}"
Write-Host ''
Write-Host ($line -f 'Contender', 'Run', 'Wall time', 'vs sequential', 'Requests/cluster', 'Writes/cluster')
foreach ($row in $table) { Write-Host ($line -f $row.Contender, $row.Run, $row.Wall, $row.Ratio, $row.Requests, $row.Writes) }
$footnote = if ($sequentialSample) {
    "* extrapolated linearly from $sequentialSample of $Clusters clusters (measured: " +
        (($results | Where-Object Extrapolated | ForEach-Object { '{0:n1} s' -f $_.MeasuredSeconds }) -join ', ') + ')'
}
if ($footnote) { Write-Host $footnote }
Write-Host ''
foreach ($target in $targets) {
    $mark = if ($target.Holds) { 'HOLDS ' } else { 'MISSED' }
    Write-Host ('{0} {1} ({2})' -f $mark, $target.Target, $target.Actual) -ForegroundColor ($target.Holds ? 'Green' : 'Yellow')
}

New-Item -ItemType Directory -Force $OutputDirectory | Out-Null
$commit = try { (git -C $PSScriptRoot rev-parse --short HEAD 2>$null) } catch { $null }
$header = "$objectCount objects to $Clusters KubeSim clusters; kubectl $kubectlVersion; " +
    "$([Environment]::ProcessorCount) cores; commit $commit; $([DateTime]::UtcNow.ToString('u'))"
$markdown = @(
    '# Profile sync benchmark', '', $header, '',
    '| Contender | Run | Wall time | vs sequential | Requests/cluster | Writes/cluster |',
    '| --- | --- | ---: | ---: | ---: | ---: |'
    $table | ForEach-Object { "| $($_.Contender) | $($_.Run) | $($_.Wall.TrimEnd() -replace '\*', '\*') | $($_.Ratio) | $($_.Requests) | $($_.Writes) |" }
    ''
    if ($footnote) { $footnote -replace '^\*', '\*'; '' }
    'Each contender ran against its own fresh KubeSim (empty clusters) with an empty kubectl discovery cache.'
    'Writes are create, update, patch, apply and delete requests.'
    ''
    '| Target | Holds | Actual |', '| --- | --- | --- |'
    $targets | ForEach-Object { "| $($_.Target) | $(if ($_.Holds) { 'yes' } else { 'no' }) | $($_.Actual) |" }
)
Set-Content (Join-Path $OutputDirectory 'profile-sync.md') $markdown
[ordered]@{
    clusters            = $Clusters
    objects             = $objectCount
    sequentialSample    = $sequentialSample
    throttleLimit       = $ThrottleLimit
    kubectl             = $kubectlVersion
    processors          = [Environment]::ProcessorCount
    commit              = $commit
    results             = @($results)
    targets             = $targets
} | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $OutputDirectory 'profile-sync.json')
Write-Host "Results written to $(Join-Path (Resolve-Path $OutputDirectory) 'profile-sync.md') and profile-sync.json"
