#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks Invoke-ProfileSync deploying a Helm chart against the render-then-kubectl loops a PowerShell user
    writes today.
.DESCRIPTION
    The storefront chart of the Helm render benchmark (bench/HelmRender/Charts/storefront: 4 charts, 31 templates,
    subcharts, tpl) is published to a folder chart repository with Publish-HelmChart and served over loopback HTTP.
    With values.yaml (beside this script: ingress with TLS, autoscaling, metrics, a replicated cache, the worker's
    CronJobs) it renders 20 objects of 11 kinds. The release goes to every cluster of a KubeSim fleet, by:

      1. Expand-HelmChart once (same chart from the same repository, same values, the clusters' Kubernetes version),
         then foreach ($c in $contexts) { kubectl apply --server-side -n storefront -f <rendered> --context $c }
      2. the same with ForEach-Object -Parallel -ThrottleLimit 16
      3. Invoke-ProfileSync over a fleet directory whose ClusterProfile has the chart as a spec.helmCharts entry

    The rendered file of 1 and 2 starts with the release's Namespace, as helm install --create-namespace (and the
    sync, installOptions.createNamespace being true by default) creates it, and kubectl gets -n <release namespace>:
    the worker subchart's templates name no namespace, which helm install (and the sync) fill in with the release's. The sync also does what a Helm release
    is: it writes the release Secret (sh.helm.release.v1.<release>.v1) on every cluster; the kubectl loops do not.
    The chart's only hook is its test Pod, which neither a sync nor helm install runs, and 1 and 2 render with
    -SkipTests; a chart with other hooks would have them run by the sync and not by the kubectl loops, so for a
    like-for-like comparison the entry then gets options: {disableHooks: true} and the script says so.

    Each contender runs a first deployment and then the same command again (for Invoke-ProfileSync the no-op
    re-sync; for kubectl the whole script again: render, then the loop). Each contender gets its own KubeSim (empty
    clusters), its own empty Helm chart cache ($env:SVELTOS_HELM_CACHE) and its own empty kubectl discovery cache.
    API requests are KubeSim's per-cluster counters: writes are create, update, patch, apply and delete; reads are
    get, list, watch and discovery. Chart repository requests are counted too (index.yaml and the chart archive).

    With -SequentialSample the sequential loop runs on that many clusters only and its wall time is extrapolated
    linearly, labelled as such.

    Prints a table and writes helm-sync.md and helm-sync.json to -OutputDirectory. Targets (first sync at least 10x
    faster than the sequential loop, faster than the parallel loop, zero writes on the no-op re-sync) are reported,
    never enforced: this is not a test. The script fails only when the benchmark itself cannot run (the chart does not
    publish or render, a contender's deployment fails).
.PARAMETER Clusters
    How many clusters. Default 200, or $env:SVELTOS_BENCH_CLUSTERS (so 'build.ps1 Bench' can be scaled down).
.PARAMETER SequentialSample
    The most clusters the sequential kubectl loop really runs on; 0 (the default) runs it on every cluster.
.EXAMPLE
    dotnet pwsh ./bench/HelmSync/Invoke-HelmSyncBench.ps1 -Clusters 20
.NOTES
    Wall times on a shared 2-core machine vary with its load: compare the ratios of one run, not numbers across
    runs.
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

$chartSource = Join-Path $PSScriptRoot '../HelmRender/Charts/storefront'
$valuesFile = Join-Path $PSScriptRoot 'values.yaml'
$releaseName = 'shop'
$releaseNamespace = 'storefront'
$writeVerbs = 'create', 'update', 'patch', 'apply', 'delete'
$readVerbs = 'get', 'list', 'watch', 'discovery'

Import-Module $KubeSimModule -Force
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot '../../tests/Pester/ChartRepositoryServer.psm1') -Force

function Get-FleetCounters {
    # Every cluster's counters in one control request: cluster name -> verb -> count.
    param($Sim)
    Invoke-RestMethod -Uri ($Sim.ControlUrl + '/counters') -Headers @{ Authorization = "Bearer $($Sim.ControlToken)" }
}

function Measure-CounterDelta {
    # Requests between two snapshots over the given clusters: per verb, and reads and writes per cluster.
    param($Before, $After, [string[]] $Cluster)

    $verbs = [ordered]@{}
    foreach ($name in $Cluster) {
        foreach ($property in $After.$name.PSObject.Properties) {
            $delta = $property.Value - $Before.$name.($property.Name)
            $verbs[$property.Name] = [long] ($verbs[$property.Name] ?? 0) + $delta
        }
    }
    $writes = ($writeVerbs | ForEach-Object { $verbs[$_] ?? 0 } | Measure-Object -Sum).Sum
    $reads = ($readVerbs | ForEach-Object { $verbs[$_] ?? 0 } | Measure-Object -Sum).Sum
    $perCluster = [ordered]@{}
    foreach ($verb in $verbs.Keys) { $perCluster[$verb] = [math]::Round($verbs[$verb] / $Cluster.Count, 1) }
    [pscustomobject]@{
        Total            = $verbs['total']
        Reads            = $reads
        Writes           = $writes
        TotalPerCluster  = [math]::Round($verbs['total'] / $Cluster.Count, 1)
        ReadsPerCluster  = [math]::Round($reads / $Cluster.Count, 1)
        WritesPerCluster = [math]::Round($writes / $Cluster.Count, 1)
        Verbs            = $verbs
        VerbsPerCluster  = $perCluster
    }
}

function Get-RepositoryRequests {
    # The chart repository's requests so far: path -> count.
    param($Repository)
    $counts = [ordered]@{}
    foreach ($path in $Repository.Requests.Keys | Sort-Object) { $counts[$path] = $Repository.Requests[$path] }
    $counts
}

function Measure-RepositoryDelta {
    param($Before, $After)
    $delta = [ordered]@{}
    foreach ($path in $After.Keys) {
        $count = $After[$path] - ($Before[$path] ?? 0)
        if ($count) { $delta[$path] = $count }
    }
    $delta
}

function Expand-BenchRelease {
    <#
    What the user's script does first: render the chart from the repository with Expand-HelmChart and write it, the
    release Namespace first, to a file for kubectl. Returns the file and the render time.
    #>
    param([string] $RepositoryUrl, [string] $KubeVersion, [string] $Path)

    $clock = [Diagnostics.Stopwatch]::StartNew()
    $rendered = Expand-HelmChart storefront -RepositoryUrl $RepositoryUrl -Version $chartVersion -ReleaseName $releaseName `
        -Namespace $releaseNamespace -ValuesFile $valuesFile -KubeVersion $KubeVersion -SkipTests
    Set-Content -LiteralPath $Path -Value "---`napiVersion: v1`nkind: Namespace`nmetadata:`n  name: $releaseNamespace`n$rendered" -NoNewline
    [pscustomobject]@{ Path = $Path; Seconds = $clock.Elapsed.TotalSeconds }
}

function Invoke-KubectlLoop {
    # kubectl apply --server-side of the rendered file per context, one after the other or -Parallel. Returns failures.
    param([string] $Kubeconfig, [string[]] $Context, [string] $Manifest, [int] $Parallel)

    if ($Parallel) {
        $Context | ForEach-Object -ThrottleLimit $Parallel -Parallel {
            $output = & $using:Kubectl --kubeconfig $using:Kubeconfig --context $_ apply --server-side -n $using:releaseNamespace -f $using:Manifest 2>&1
            if ($LASTEXITCODE -ne 0) { "${_}: $output" }
        }
    }
    else {
        foreach ($c in $Context) {
            $output = & $Kubectl --kubeconfig $Kubeconfig --context $c apply --server-side -n $releaseNamespace -f $Manifest 2>&1
            if ($LASTEXITCODE -ne 0) { "${c}: $output" }
        }
    }
}

function Assert-Deployed {
    # kubectl as the witness: the first and last target cluster hold every object of the release.
    param([string] $Kubeconfig, [string[]] $Context, [string] $Contender, [string] $Manifest, [switch] $Release)

    foreach ($c in @($Context[0], $Context[-1]) | Select-Object -Unique) {
        $found = @(& $Kubectl --kubeconfig $Kubeconfig --context $c get -n $releaseNamespace -f $Manifest -o name 2>&1)
        if ($LASTEXITCODE -ne 0 -or $found.Count -ne $objectCount) {
            throw "${Contender}: cluster $c holds $($found.Count) of $objectCount objects: $found"
        }
        if ($Release) {
            $secret = & $Kubectl --kubeconfig $Kubeconfig --context $c get secret "sh.helm.release.v1.$releaseName.v1" -n $releaseNamespace -o name 2>&1
            if ($LASTEXITCODE -ne 0) { throw "${Contender}: cluster $c has no release Secret: $secret" }
        }
    }
}

function New-BenchFleet {
    # A fleet directory: the clusters (labelled) and one ClusterProfile whose helmCharts entry is the release.
    param([string] $Path, [string] $Kubeconfig, [string[]] $Cluster, [string] $RepositoryUrl)

    New-Item -ItemType Directory -Force (Join-Path $Path 'profiles') | Out-Null
    foreach ($name in $Cluster) {
        Register-SveltosCluster -Name $name -Namespace fleet -Label @{ tier = 'bench' } -FleetPath $Path -Kubeconfig $Kubeconfig | Out-Null
    }
    $values = Get-Content -LiteralPath $valuesFile | ForEach-Object { "        $_" }
    $options = if ($disableHooks) { @('      options: {disableHooks: true}') } else { @() }
    Set-Content (Join-Path $Path 'profiles/storefront.yaml') (@(
            'apiVersion: config.projectsveltos.io/v1beta1'
            'kind: ClusterProfile'
            'metadata:'
            '  name: storefront'
            'spec:'
            '  clusterSelector:'
            '    matchLabels: {tier: bench}'
            '  helmCharts:'
            "    - repositoryURL: $RepositoryUrl"
            '      repositoryName: bench'
            '      chartName: bench/storefront'
            "      chartVersion: $chartVersion"
            "      releaseName: $releaseName"
            "      releaseNamespace: $releaseNamespace"
        ) + $options + @('      values: |') + $values)
}

function Measure-Contender {
    <#
    Starts a fresh KubeSim, runs the contender's first deployment and its re-run, and measures each: wall time, the
    requests the targeted clusters served and the chart repository's requests. $Run gets (phase, kubeconfig,
    contexts, state) and returns failure messages; $Setup (untimed) prepares state.
    #>
    param(
        [string] $Name,
        [scriptblock] $Run,
        [scriptblock] $Setup,
        [int] $Sample,
        [int] $Parallel,
        [switch] $Release
    )

    $work = Join-Path ([IO.Path]::GetTempPath()) "sveltos-bench-$([guid]::NewGuid())"
    New-Item -ItemType Directory $work | Out-Null
    $names = [string[]] (1..$Clusters | ForEach-Object { 'c{0:d3}' -f $_ })
    $targets = if ($Sample -gt 0 -and $Sample -lt $Clusters) { $names[0..($Sample - 1)] } else { $names }
    $startArguments = @{ Clusters = $names; KubeconfigPath = (Join-Path $work 'kubeconfig') }
    if ($KubeSimPath) { $startArguments.Path = $KubeSimPath }
    $sim = Start-KubeSim @startArguments
    $env:KUBECACHEDIR = Join-Path $work 'kube-cache'
    $env:SVELTOS_HELM_CACHE = Join-Path $work 'helm-cache'
    try {
        $state = @{ Work = $work; KubeVersion = ($sim.ClusterInfo[0].version ?? (Get-KubeSimCluster $names[0] -KubeSim $sim).version); RenderSeconds = $null; Parallel = $Parallel }
        if ($Setup) { & $Setup $sim.KubeconfigPath $names $state }
        $phases = foreach ($phase in 'First', 'Rerun') {
            $before = Get-FleetCounters $sim
            $repositoryBefore = Get-RepositoryRequests $repository
            $state.RenderSeconds = $null
            $state.Outcome = $null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $failures = @(& $Run $phase $sim.KubeconfigPath $targets $state)
            $seconds = $clock.Elapsed.TotalSeconds
            $after = Get-FleetCounters $sim
            $chartRequests = Measure-RepositoryDelta $repositoryBefore (Get-RepositoryRequests $repository)
            if ($failures) { throw "${Name} ($phase): $($failures.Count) failures, first: $($failures[0])" }
            if ($phase -eq 'First') {
                $witness = Expand-BenchRelease $repository.Url $state.KubeVersion (Join-Path $work 'witness.yaml')
                Assert-Deployed $sim.KubeconfigPath $targets $Name $witness.Path -Release:$Release
            }
            $requests = Measure-CounterDelta $before $after $targets
            # Extrapolation scales the loop, not the render that happens once before it.
            $render = $state.RenderSeconds ?? 0
            $scaled = $targets.Count -lt $Clusters
            [pscustomobject]@{
                Contender        = $Name
                Phase            = $phase
                Seconds          = if ($scaled) { $render + ($seconds - $render) * $Clusters / $targets.Count } else { $seconds }
                MeasuredSeconds  = $seconds
                RenderSeconds    = $state.RenderSeconds
                Outcome          = $state.Outcome
                MeasuredClusters = $targets.Count
                Extrapolated     = $scaled
                TotalPerCluster  = $requests.TotalPerCluster
                ReadsPerCluster  = $requests.ReadsPerCluster
                WritesPerCluster = $requests.WritesPerCluster
                Writes           = $requests.Writes
                Verbs            = $requests.Verbs
                VerbsPerCluster  = $requests.VerbsPerCluster
                ChartRequests    = $chartRequests
            }
            $verbText = ($requests.VerbsPerCluster.GetEnumerator() | Where-Object { $_.Key -ne 'total' -and $_.Value } | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '
            Write-Host ('  {0,-5} {1,8:n1} s on {2} clusters{3}; per cluster {4} reads, {5} writes ({6}); chart repository: {7}{8}' -f $phase, $seconds, $targets.Count,
                $(if ($null -ne $state.RenderSeconds) { ' (render {0:n2} s)' -f $state.RenderSeconds } else { '' }),
                $requests.ReadsPerCluster, $requests.WritesPerCluster, $verbText,
                $(if ($chartRequests.Count) { ($chartRequests.GetEnumerator() | ForEach-Object { "$($_.Key) x$($_.Value)" }) -join ', ' } else { 'none' }),
                $(if ($state.Outcome) { "; $($targets[0]): $($state.Outcome)" } else { '' }))
        }
        $phases
    }
    finally {
        Stop-KubeSim $sim
        Remove-Item Env:KUBECACHEDIR, Env:SVELTOS_HELM_CACHE -ErrorAction Ignore
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }
}

$sequentialSample = if ($SequentialSample -gt 0 -and $SequentialSample -lt $Clusters) { $SequentialSample } else { 0 }
$kubectlVersion = (& $Kubectl version --client -o json | ConvertFrom-Json).clientVersion.gitVersion
$chartVersion = (Get-Content (Join-Path $chartSource 'Chart.yaml') | Where-Object { $_ -match '^version:\s*(\S+)' } | ForEach-Object { $Matches[1] })

# The chart repository, and the release as the contenders deploy it: the objects kubectl checks for and the hooks.
$scratch = Join-Path ([IO.Path]::GetTempPath()) "sveltos-bench-helm-$([guid]::NewGuid())"
New-Item -ItemType Directory $scratch | Out-Null
$savedHelmCache = $env:SVELTOS_HELM_CACHE
$repository = $null
try {
    Publish-HelmChart $chartSource -Repository (Join-Path $scratch 'repo') | Out-Null
    $repository = Start-TestChartRepository -Root (Join-Path $scratch 'repo')
    $env:SVELTOS_HELM_CACHE = Join-Path $scratch 'helm-cache'
    $documents = @(Expand-HelmChart storefront -RepositoryUrl $repository.Url -Version $chartVersion -ReleaseName $releaseName `
            -Namespace $releaseNamespace -ValuesFile $valuesFile -AsObject)
    Remove-Item Env:SVELTOS_HELM_CACHE
    $hooks = @($documents | Where-Object { $_.Hook })
    $otherHooks = @($hooks | Where-Object { @($_.Hook | Where-Object { $_ -ne 'test' }).Count })
    $disableHooks = $otherHooks.Count -gt 0
    $objects = @($documents | Where-Object { -not $_.Hook })
    $objectCount = $objects.Count + 1
    $kinds = @($objects.Kind | Sort-Object -Unique)
    $templateCount = @(Get-ChildItem $chartSource -Recurse -File | Where-Object { $_.FullName -match '[/\\]templates[/\\]' }).Count

    Write-Host ("Helm sync benchmark: chart storefront $chartVersion ($templateCount templates) as release $releaseNamespace/$releaseName, " +
        "$objectCount objects ($($objects.Count) rendered + Namespace; $($kinds.Count) kinds) to $Clusters KubeSim clusters, kubectl $kubectlVersion, $([Environment]::ProcessorCount) cores")
    Write-Host "Chart repository: $($repository.Url) (loopback HTTP, published with Publish-HelmChart -Repository)"
    $hookNote = if ($disableHooks) {
        "The chart has hooks other than tests ($(($otherHooks | ForEach-Object { "$($_.Kind)/$($_.Name) $($_.Hook -join ',')" }) -join '; ')): the sync would run them and the kubectl loops cannot, so the helmCharts entry sets options: {disableHooks: true} to compare like with like."
    }
    else {
        "Hooks: only test hooks ($(($hooks | ForEach-Object { "$($_.Kind)/$($_.Name)" }) -join ', ')), not run by a sync or helm install, so disableHooks is not needed; kubectl gets the render with -SkipTests."
    }
    Write-Host $hookNote
    if ($sequentialSample) { Write-Host "The sequential kubectl loop runs on $sequentialSample clusters and is extrapolated to $Clusters." }

    $renderThenApply = {
        param($phase, $kubeconfig, $contexts, $state)
        $rendered = Expand-BenchRelease $repository.Url $state.KubeVersion (Join-Path $state.Work "rendered-$phase.yaml")
        $state.RenderSeconds = $rendered.Seconds
        Invoke-KubectlLoop $kubeconfig $contexts $rendered.Path -Parallel $state.Parallel
    }
    $contenders = @(
        @{
            Name   = 'Expand-HelmChart + kubectl apply --server-side (sequential loop)'
            Sample = $sequentialSample
            Run    = $renderThenApply
        }
        @{
            Name     = "Expand-HelmChart + kubectl apply --server-side (ForEach-Object -Parallel, $ThrottleLimit)"
            Run      = $renderThenApply
            Parallel = $ThrottleLimit
        }
        @{
            Name    = "Invoke-ProfileSync -ThrottleLimit $ThrottleLimit"
            Release = $true
            Setup   = { param($kubeconfig, $names, $state) New-BenchFleet (Join-Path $state.Work 'fleet') $kubeconfig $names $repository.Url }
            Run     = {
                param($phase, $kubeconfig, $contexts, $state)
                $summaries = @(Invoke-ProfileSync -FleetPath (Join-Path $state.Work 'fleet') -Kubeconfig $kubeconfig -ThrottleLimit $ThrottleLimit -Summary -ErrorAction Continue)
                if ($summaries.Count -ne $contexts.Count) { "$($summaries.Count) summaries for $($contexts.Count) clusters" }
                foreach ($summary in $summaries) {
                    $expected = if ($phase -eq 'First') { 'Provisioned' } else { 'Unchanged' }
                    if ($summary.Failed -or $summary.Status -ne $expected) { "$($summary.Cluster): $($summary.Status), $($summary.DescribeCounts()). $($summary.Message)" }
                }
                if ($summaries) { $state.Outcome = "$($summaries[0].Status): $($summaries[0].DescribeCounts())" }
            }
        }
    )

    $results = foreach ($contender in $contenders) {
        Write-Host "==> $($contender.Name)"
        Measure-Contender @contender
    }
}
finally {
    if ($repository) { Stop-TestChartRepository $repository }
    $env:SVELTOS_HELM_CACHE = $savedHelmCache
    Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
}

function Get-Row([string] $Pattern, [string] $Phase) { $results | Where-Object { $_.Contender -like $Pattern -and $_.Phase -eq $Phase } }
$sequential = @{ First = Get-Row '*(sequential loop)' First; Rerun = Get-Row '*(sequential loop)' Rerun }
$parallel = @{ First = Get-Row '*-Parallel*' First; Rerun = Get-Row '*-Parallel*' Rerun }
$sync = @{ First = Get-Row 'Invoke-ProfileSync*' First; Rerun = Get-Row 'Invoke-ProfileSync*' Rerun }
foreach ($row in $results) {
    $row | Add-Member -NotePropertyName VsSequential -NotePropertyValue ([math]::Round($sequential[$row.Phase].Seconds / $row.Seconds, 1))
    $row | Add-Member -NotePropertyName VsParallel -NotePropertyValue ([math]::Round($parallel[$row.Phase].Seconds / $row.Seconds, 1))
}
$ratios = [ordered]@{
    firstSyncVsSequential = [math]::Round($sequential.First.Seconds / $sync.First.Seconds, 1)
    firstSyncVsParallel   = [math]::Round($parallel.First.Seconds / $sync.First.Seconds, 1)
    noOpResyncVsFirst     = [math]::Round($sync.Rerun.Seconds / $sync.First.Seconds, 2)
    resyncVsParallelRerun = [math]::Round($parallel.Rerun.Seconds / $sync.Rerun.Seconds, 1)
}
$targets = @(
    [pscustomobject]@{
        Target = 'First sync at least 10x faster than the sequential render + kubectl loop'
        Holds  = $ratios.firstSyncVsSequential -ge 10
        Actual = "$($ratios.firstSyncVsSequential)x"
    }
    [pscustomobject]@{
        Target = 'First sync faster than the parallel render + kubectl loop'
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
        Parallel  = '{0:n1}x' -f $row.VsParallel
        Reads     = $row.ReadsPerCluster
        Writes    = $row.WritesPerCluster
    }
}
$width = ($table.Contender | Measure-Object -Property Length -Maximum).Maximum
$line = "{0,-$width}  {1,-6}  {2,10}  {3,13}  {4,11}  {5,13}  {6,14}"
Write-Host ''
Write-Host ($line -f 'Contender', 'Run', 'Wall time', 'vs sequential', 'vs parallel', 'Reads/cluster', 'Writes/cluster')
foreach ($row in $table) { Write-Host ($line -f $row.Contender, $row.Run, $row.Wall, $row.Ratio, $row.Parallel, $row.Reads, $row.Writes) }
$footnote = if ($sequentialSample) {
    "* extrapolated linearly from $sequentialSample of $Clusters clusters, the render counted once (measured: " +
        (($results | Where-Object Extrapolated | ForEach-Object { '{0:n1} s' -f $_.MeasuredSeconds }) -join ', ') + ')'
}
if ($footnote) { Write-Host $footnote }
$verbLines = foreach ($row in $results) {
    $verbs = ($row.VerbsPerCluster.GetEnumerator() | Where-Object { $_.Key -ne 'total' -and $_.Value } | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '
    $chart = if ($row.ChartRequests.Count) { ($row.ChartRequests.GetEnumerator() | ForEach-Object { "$($_.Key) x$($_.Value)" }) -join ', ' } else { 'none' }
    $render = if ($null -ne $row.RenderSeconds) { '; render {0:n2} s' -f $row.RenderSeconds } else { '' }
    $outcome = if ($row.Outcome) { "; the first cluster's summary: $($row.Outcome)" } else { '' }
    "$($row.Contender), $($row.Phase -eq 'First' ? 'first' : 're-run'): $verbs per cluster; chart repository: $chart$render$outcome"
}
Write-Host ''
Write-Host 'Requests per cluster by verb:'
$verbLines | ForEach-Object { Write-Host "  $_" }
Write-Host ''
Write-Host ("Ratios: first sync {0}x faster than sequential, {1}x than parallel; no-op re-sync takes {2} of the first sync's time, {3}x faster than the parallel re-run" -f
    $ratios.firstSyncVsSequential, $ratios.firstSyncVsParallel, $ratios.noOpResyncVsFirst, $ratios.resyncVsParallelRerun)
foreach ($target in $targets) {
    $mark = if ($target.Holds) { 'HOLDS ' } else { 'MISSED' }
    Write-Host ('{0} {1} ({2})' -f $mark, $target.Target, $target.Actual) -ForegroundColor ($target.Holds ? 'Green' : 'Yellow')
}

New-Item -ItemType Directory -Force $OutputDirectory | Out-Null
$commit = try { (git -C $PSScriptRoot rev-parse --short HEAD 2>$null) } catch { $null }
$header = "Chart storefront $chartVersion ($templateCount templates, 4 charts) as release $releaseNamespace/${releaseName}: $objectCount objects " +
    "($($kinds -join ', '), Namespace) to $Clusters KubeSim clusters; kubectl $kubectlVersion; " +
    "$([Environment]::ProcessorCount) cores; commit $commit; $([DateTime]::UtcNow.ToString('u'))"
$markdown = @(
    '# Helm sync benchmark', '', $header, '',
    '| Contender | Run | Wall time | vs sequential | vs parallel | Reads/cluster | Writes/cluster |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |'
    $table | ForEach-Object { "| $($_.Contender) | $($_.Run) | $($_.Wall.TrimEnd() -replace '\*', '\*') | $($_.Ratio) | $($_.Parallel) | $($_.Reads) | $($_.Writes) |" }
    ''
    if ($footnote) { $footnote -replace '^\*', '\*'; '' }
    ("Ratios measured in this run: first sync $($ratios.firstSyncVsSequential)x faster than the sequential loop and $($ratios.firstSyncVsParallel)x " +
        "than the parallel loop; the no-op re-sync takes $($ratios.noOpResyncVsFirst) of the first sync's time and is $($ratios.resyncVsParallelRerun)x faster than the parallel re-run.")
    ''
    'Requests per cluster by verb, and the chart repository''s requests:', ''
    $verbLines | ForEach-Object { "- $_" }
    ''
    'Each contender ran against its own fresh KubeSim (empty clusters) with empty Helm chart and kubectl discovery caches.'
    'The kubectl contenders render once per run (Expand-HelmChart, included in their wall time) and apply the Namespace and the rendered objects;'
    'Invoke-ProfileSync also writes the release Secret on each cluster. Writes are create, update, patch, apply and delete; reads are get, list, watch and discovery.'
    $hookNote
    ''
    '| Target | Holds | Actual |', '| --- | --- | --- |'
    $targets | ForEach-Object { "| $($_.Target) | $(if ($_.Holds) { 'yes' } else { 'no' }) | $($_.Actual) |" }
)
Set-Content (Join-Path $OutputDirectory 'helm-sync.md') $markdown
[ordered]@{
    clusters         = $Clusters
    chart            = "storefront-$chartVersion"
    templates        = $templateCount
    objects          = $objectCount
    kinds            = $kinds
    disableHooks     = $disableHooks
    sequentialSample = $sequentialSample
    throttleLimit    = $ThrottleLimit
    kubectl          = $kubectlVersion
    processors       = [Environment]::ProcessorCount
    commit           = $commit
    ratios           = $ratios
    results          = @($results)
    targets          = $targets
} | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $OutputDirectory 'helm-sync.json')
Write-Host "Results written to $(Join-Path (Resolve-Path $OutputDirectory) 'helm-sync.md') and helm-sync.json"
