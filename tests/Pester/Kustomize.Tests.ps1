# spec.kustomizationRefs from ConfigMaps holding a .tar.gz (Sveltos' format), built with the kustomize inside kubectl,
# deployed end to end on KubeSim clusters: overlays with a component, a patch, a generator and namePrefix,
# targetNamespace, values substituted per cluster, drift, withdrawal, and a kustomization that does not build.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos

    function Write-Tarball {
        # The folder as a Sveltos kustomize ConfigMap of the fleet: tar -czf, then binaryData.
        param([string] $Folder, [string] $Name)
        $archive = Join-Path $TestDrive "$Name.tar.gz"
        tar -czf $archive -C $Folder .
        $base64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes($archive))
        New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'content') | Out-Null
        Set-Content (Join-Path $fleet.Path "content/$Name.yaml") "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $Name`n  namespace: fleet`nbinaryData:`n  content.tar.gz: $base64`n"
    }

    function Write-KustomizeProfile {
        param([string] $Source = 'shop-kz', [string] $Path = 'overlays/prod', [string] $Extra = '')
        Set-Content (Join-Path $fleet.Path 'profiles/shop.yaml') @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: shop
spec:
  clusterSelector:
    matchLabels: {env: prod}
  kustomizationRefs:
    - kind: ConfigMap
      name: $Source
      path: $Path
      targetNamespace: shop
      values:
        Region: '{{ index .Cluster.metadata.labels "region" }}'
$Extra
"@
    }

    function Sync {
        [CmdletBinding()]
        param()
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
    }

    $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' }; c2 = @{ env = 'prod'; region = 'us' } }
    New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'profiles') | Out-Null
    kubectl --kubeconfig $fleet.Kubeconfig --context c1 create namespace shop | Out-Null
    kubectl --kubeconfig $fleet.Kubeconfig --context c2 create namespace shop | Out-Null

    $script:source = Join-Path $TestDrive 'kz'
    Write-ChartFile $source 'base/kustomization.yaml' "resources: [deployment.yaml, settings.yaml]`n"
    Write-ChartFile $source 'base/deployment.yaml' "apiVersion: apps/v1`nkind: Deployment`nmetadata: {name: web, namespace: somewhere}`nspec:`n  replicas: 1`n  selector: {matchLabels: {app: web}}`n  template:`n    metadata: {labels: {app: web}}`n    spec: {containers: [{name: web, image: nginx}]}`n"
    Write-ChartFile $source 'base/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: settings}`ndata:`n  region: '{{ .Region }}'`n"
    Write-ChartFile $source 'components/tls/kustomization.yaml' "apiVersion: kustomize.config.k8s.io/v1alpha1`nkind: Component`ncommonLabels: {tls: enabled}`n"
    Write-ChartFile $source 'overlays/prod/kustomization.yaml' ("namePrefix: prod-`nresources: [../../base]`ncomponents: [../../components/tls]`n" +
        "configMapGenerator: [{name: flags, literals: [beta=on]}]`n" +
        "patches:`n  - patch: |-`n      - op: replace`n        path: /spec/replicas`n        value: 3`n    target: {kind: Deployment, name: web}`n")
    Write-ChartFile $source 'overlays/broken/kustomization.yaml' "resources: [../../base, missing.yaml]`n"
    Write-Tarball $source shop-kz
}

AfterAll { Remove-TestFleet $fleet }

Describe 'kustomizationRefs from a ConfigMap tarball' {
    It 'deploys the overlay''s build on every matching cluster, in targetNamespace, with the values per cluster' {
        Write-KustomizeProfile
        $results = Sync
        ($results | Where-Object Cluster -EQ 'fleet/c1').Action | Sort-Object -Unique | Should -Be 'Created'
        foreach ($cluster in 'c1', 'c2') {
            $deployment = Get-Live $fleet $cluster deployment prod-web -Namespace shop
            $deployment.spec.replicas | Should -Be 3
            $deployment.metadata.labels.tls | Should -Be 'enabled'
            $deployment.metadata.labels.'projectsveltos.io/reason' | Should -Be 'Kustomize'
            Get-Live $fleet $cluster deployment prod-web -Namespace somewhere | Should -BeNullOrEmpty
        }
        (Get-Live $fleet c1 configmap prod-settings -Namespace shop).data.region | Should -Be 'eu'
        (Get-Live $fleet c2 configmap prod-settings -Namespace shop).data.region | Should -Be 'us'
        $flags = kubectl --kubeconfig $fleet.Kubeconfig --context c1 get configmaps -n shop -o name | Where-Object { $_ -like '*prod-flags-*' }
        $flags | Should -Not -BeNullOrEmpty
    }

    It 'a second sync changes nothing; -Verbose names the kustomize it built with' {
        $verbose = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Verbose 4>&1
        @($verbose | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        ($verbose | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like 'fleet/c1: *built with*' }).Message | Should -Match 'built with kustomize v\d+\.\d+\.\d+'
    }

    It 'a drifted object is reported by Test-Drift and put back by the next sync' {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 scale deployment prod-web -n shop --replicas=1 | Out-Null
        (Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object Cluster -EQ 'fleet/c1').Name | Should -Contain 'prod-web'
        Sync | Out-Null
        (Get-Live $fleet c1 deployment prod-web -Namespace shop).spec.replicas | Should -Be 3
    }

    It 'a kustomization that does not build is a per-cluster error with kustomize''s message; nothing deployed is withdrawn' {
        Write-KustomizeProfile -Path overlays/broken
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'ClusterProfile/shop kustomizationRefs\[0\] \(ConfigMap fleet/shop-kz path overlays/broken\): kustomize build failed: .*missing.yaml'
        Get-Live $fleet c1 deployment prod-web -Namespace shop | Should -Not -BeNullOrEmpty
    }

    It 'a tarball that is not a tarball is a clear error naming the source' {
        Set-Content (Join-Path $fleet.Path 'content/not-kz.yaml') "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: not-kz, namespace: fleet}`nbinaryData:`n  content.tar.gz: $([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('plain text')))`n"
        Write-KustomizeProfile -Source not-kz
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'ConfigMap fleet/not-kz path overlays/prod\): the tarball cannot be unpacked: it is not a tar archive'
    }

    It 'a Flux source that does not exist is an error naming profile, source and path' {
        Set-Content (Join-Path $fleet.Path 'profiles/shop.yaml') "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata: {name: shop}`nspec:`n  clusterSelector: {matchLabels: {env: prod}}`n  kustomizationRefs: [{kind: GitRepository, namespace: flux-system, name: repo, path: ./apps}]`n"
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'ClusterProfile/shop kustomizationRefs\[0\] \(GitRepository flux-system/repo path ./apps\): GitRepository flux-system/repo does not exist'
    }

    It 'removing the reference withdraws what it deployed' {
        Write-KustomizeProfile
        Sync | Out-Null
        Set-Content (Join-Path $fleet.Path 'profiles/shop.yaml') "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata: {name: shop}`nspec:`n  clusterSelector: {matchLabels: {env: prod}}`n"
        Sync | Out-Null
        Get-Live $fleet c1 deployment prod-web -Namespace shop | Should -BeNullOrEmpty
        Get-Live $fleet c1 configmap prod-settings -Namespace shop | Should -BeNullOrEmpty
    }
}
