#Requires -Version 7.4
# The README demo: the Sveltos lifecycle on emulated clusters, each step printed and verified.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $WorkDir
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot 'KubeSim.psm1')
Import-Module $ModulePath

function Step([string] $Text) { Write-Host "`n=== $Text" -ForegroundColor Cyan }
function Verify([string] $What, [bool] $Condition) {
    if (-not $Condition) { throw "Demo check failed: $What" }
    Write-Host "  ok: $What" -ForegroundColor Green
}
function Live([string] $Cluster, [string] $Kind, [string] $Name) {
    $json = kubectl --kubeconfig $sim.KubeconfigPath --context $Cluster get $Kind $Name -n web -o json --ignore-not-found
    if ($json) { $json | ConvertFrom-Json }
}

$watch = [Diagnostics.Stopwatch]::StartNew()
Step 'Start KubeSim: a management cluster and three workload clusters'
$sim = Start-KubeSim -Clusters prod-1, prod-2, dev-1 -Management mgmt -KubeconfigPath (Join-Path $WorkDir 'kubeconfig')
try {
    $env:KUBECONFIG = $sim.KubeconfigPath
    kubectl get nodes --context prod-1

    Step 'Connect to the management cluster and register the clusters (two env=prod)'
    Connect-SveltosFleet -Context mgmt | Format-Table | Out-Host
    Register-SveltosCluster -Name prod-1 -Namespace fleet -Label @{ env = 'prod' } | Out-Null
    Register-SveltosCluster -Name prod-2 -Namespace fleet -Label @{ env = 'prod' } | Out-Null
    Register-SveltosCluster -Name dev-1 -Namespace fleet -Label @{ env = 'dev' } | Out-Null
    Get-SveltosCluster | Format-Table | Out-Host
    Verify 'three healthy clusters registered' ((Get-SveltosCluster | Where-Object ConnectionStatus -EQ 'Healthy').Count -eq 3)

    Step 'Publish the add-on content (a ConfigMap in the management cluster) and a ClusterProfile selecting env=prod'
    $addon = Get-Content -Raw (Join-Path $PSScriptRoot '../tests/Content/web-addon.yaml')
    $content = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: web-addon`n  namespace: fleet`ndata:`n  web.yaml: |`n" +
        (($addon.TrimEnd() -split "`n" | ForEach-Object { "    $_" }) -join "`n")
    $content | kubectl apply --context mgmt -f - | Out-Host
    New-ClusterProfile -Name web -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; name = 'web-addon' } |
        Save-ClusterProfile -Confirm:$false
    Get-ClusterProfile | Format-Table | Out-Host

    Step 'Sync: the add-ons go to every env=prod cluster'
    Invoke-ProfileSync | Format-Table | Out-Host
    Verify 'prod-1 runs the frontend Deployment' ([bool](Live prod-1 deployment frontend))
    Verify 'prod-2 runs the frontend Deployment' ([bool](Live prod-2 deployment frontend))
    Verify 'dev-1 has nothing' (-not (Live dev-1 deployment frontend))

    Step 'Sync again: nothing changed, nothing written'
    Get-KubeSimCounter -Reset | Out-Null
    Invoke-ProfileSync -Summary | Format-Table | Out-Host
    $writes = Get-KubeSimCounter | Where-Object Cluster -NE 'mgmt' | ForEach-Object { $_.create + $_.update + $_.patch + $_.apply + $_.delete } | Measure-Object -Sum
    Verify 'the no-op sync sent zero writes to the clusters' ($writes.Sum -eq 0)

    Step 'Label dev-1 env=prod and sync: deployed there too'
    Set-SveltosCluster dev-1 -Label @{ env = 'prod' }
    Invoke-ProfileSync -Summary | Format-Table | Out-Host
    Verify 'dev-1 now runs the frontend Deployment' ([bool](Live dev-1 deployment frontend))

    Step 'Remove the env label from prod-2 and sync: withdrawn from it'
    Set-SveltosCluster prod-2 -RemoveLabel env
    Invoke-ProfileSync | Format-Table | Out-Host
    Verify 'prod-2 no longer has the add-ons' (-not (Live prod-2 deployment frontend) -and -not (Live prod-2 configmap settings))
    Verify 'prod-1 keeps them' ([bool](Live prod-1 configmap settings))

    Step 'Classify clusters by live state: version >= 1.29 (k8s=modern), and a Lua check of the frontend (frontend=ha)'
    Set-KubeSimCluster prod-1 -Version v1.28.5 | Out-Null
    Set-KubeSimCluster prod-2 -Version v1.30.1+k3s1 | Out-Null
    Set-KubeSimCluster dev-1 -Version v1.29.2-eks-4f4795d | Out-Null
    New-ClusterClassifier -Name modern -ClassifierLabel @{ k8s = 'modern' } -KubernetesVersion '>=1.29.0' | Save-ClusterClassifier -Confirm:$false
    $replicated = "function evaluate()`n  return { matching = obj.spec.replicas >= 2 }`nend`n"
    New-ClusterClassifier -Name frontend-ha -ClassifierLabel @{ frontend = 'ha' } -ResourceSelector @{
        group = 'apps'; version = 'v1'; kind = 'Deployment'; namespace = 'web'; name = 'frontend'; evaluate = $replicated
    } | Save-ClusterClassifier -Confirm:$false
    Invoke-ClusterClassification | Format-Table | Out-Host
    $labelled = { param($Key) (Get-SveltosCluster -SkipConnectionCheck | Where-Object { $_.Labels.ContainsKey($Key) }).Name | Sort-Object }
    Verify 'k8s=modern on dev-1 (1.29.2-eks) and prod-2 (1.30.1+k3s1)' (((& $labelled k8s) -join ',') -eq 'dev-1,prod-2')
    Verify 'frontend=ha where the frontend runs 2 replicas' (((& $labelled frontend) -join ',') -eq 'dev-1,prod-1')

    Step 'A profile for k8s=modern clusters; upgrade prod-1 to 1.29 and one sync (classification first) follows'
    "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: modern-addon, namespace: fleet}`ndata:`n  flags.yaml: |`n    apiVersion: v1`n    kind: ConfigMap`n    metadata: {name: modern-flags, namespace: web}`n    data: {sidecars: native}`n" |
        kubectl apply --context mgmt -f - | Out-Null
    New-ClusterProfile -Name modern -ClusterSelector 'k8s=modern' -PolicyRef @{ kind = 'ConfigMap'; name = 'modern-addon' } | Save-ClusterProfile -Confirm:$false
    Invoke-ProfileSync -Name modern | Format-Table | Out-Host
    Verify 'modern-flags on dev-1 and prod-2, not on prod-1 (1.28)' ((Live dev-1 configmap modern-flags) -and (Live prod-2 configmap modern-flags) -and -not (Live prod-1 configmap modern-flags))
    Set-KubeSimCluster prod-1 -Version v1.29.0 | Out-Null
    Invoke-ProfileSync -Name modern | Format-Table | Out-Host
    Verify 'prod-1 got modern-flags after its upgrade' ([bool](Live prod-1 configmap modern-flags))

    Step 'A Helm chart for the env=prod clusters, one value templated per cluster, installed as a Helm 3 release'
    Import-Module (Join-Path $PSScriptRoot '../tests/Pester/ChartRepositoryServer.psm1')
    Publish-HelmChart (Join-Path $PSScriptRoot 'DemoCharts/shop') -Repository (Join-Path $WorkDir 'charts') | Format-Table | Out-Host
    $repo = Start-TestChartRepository -Root (Join-Path $WorkDir 'charts')
    try {
        New-ClusterProfile -Name shop -ClusterSelector 'env=prod' -HelmChart @{
            repositoryURL = $repo.Url; repositoryName = 'demo'; chartName = 'demo/shop'; chartVersion = '~0.1'
            releaseName = 'shop'; releaseNamespace = 'shop'; values = "cluster: '{{ .Cluster.metadata.name }}'`n"
        } | Save-ClusterProfile -Confirm:$false
        Invoke-ProfileSync -Name shop | Format-Table | Out-Host
    }
    finally { Stop-TestChartRepository $repo }
    $settings = { param($Cluster) kubectl --context $Cluster get configmap shop-settings -n shop -o jsonpath='{.data.cluster}' --ignore-not-found }
    Verify 'prod-1 and dev-1 (env=prod) run the chart, each with its own name as the value' ((& $settings prod-1) -eq 'prod-1' -and (& $settings dev-1) -eq 'dev-1')
    Verify 'prod-2 (no env label) has no release' (-not (& $settings prod-2))
    $storage = kubectl --context prod-1 get secret sh.helm.release.v1.shop.v1 -n shop -o jsonpath='{.type} {.metadata.labels.status}' --ignore-not-found
    Verify 'the release is stored as helm stores it (helm.sh/release.v1, deployed)' ($storage -eq 'helm.sh/release.v1 deployed')

    Step 'A kustomize add-on fetched from a Git repository (made here: a commit tagged v1.0.0), built with kubectl kustomize'
    $gitRepo = Join-Path $WorkDir 'edge-addons'
    Copy-Item (Join-Path $PSScriptRoot 'DemoKustomize/tree') $gitRepo -Recurse
    git -C $gitRepo init -q -b main
    git -C $gitRepo add -A
    git -C $gitRepo -c user.email=demo@example.test -c user.name=demo commit -q -m 'edge add-ons'
    git -C $gitRepo tag v1.0.0
    kubectl apply --context mgmt -f (Join-Path $PSScriptRoot 'DemoKustomize/gitrepository-crd.yaml') | Out-Host
    Start-Sleep -Milliseconds 300
    "apiVersion: source.toolkit.fluxcd.io/v1`nkind: GitRepository`nmetadata:`n  name: edge-addons`n  namespace: fleet`n  annotations: {pwsh.projectsveltos.io/clone-directly: 'true'}`nspec:`n  url: $gitRepo`n  ref: {tag: v1.0.0}`n" |
        kubectl apply --context mgmt -f - | Out-Host
    New-ClusterProfile -Name edge -ClusterSelector 'env=prod' -KustomizationRef @{
        kind = 'GitRepository'; namespace = 'fleet'; name = 'edge-addons'; path = 'overlays/prod'; targetNamespace = 'edge'
        values = @{ ClusterName = '{{ .Cluster.metadata.name }}' }
    } | Save-ClusterProfile -Confirm:$false
    Invoke-ProfileSync -Name edge -Verbose 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { if ($_.Message -match 'revision|cloning') { Write-Host "  VERBOSE: $($_.Message)" -ForegroundColor DarkGray } } else { $_ } } | Format-Table | Out-Host
    $edge = { param($Cluster) kubectl --context $Cluster get deployment edge-proxy -n edge -o jsonpath='{.spec.replicas} {.metadata.labels.tier}' --ignore-not-found }
    Verify 'prod-1 and dev-1 run the overlay from Git (2 replicas, tier=edge)' ((& $edge prod-1) -eq '2 edge' -and (& $edge dev-1) -eq '2 edge')
    Verify 'each cluster got its own name substituted into the kustomize output' ((kubectl --context dev-1 get configmap edge-settings -n edge -o jsonpath='{.data.cluster}') -eq 'dev-1')

    Step 'What is deployed where (records kept in each cluster)'
    Get-ClusterSummary | Format-Table | Out-Host
    Write-Host ("`nDemo finished in {0:0.0}s: every step verified." -f $watch.Elapsed.TotalSeconds) -ForegroundColor Green
}
finally {
    Disconnect-SveltosFleet
    Stop-KubeSim $sim
}
