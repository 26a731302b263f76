# spec.helmCharts deployed by Invoke-ProfileSync as Helm 3 releases, end to end on KubeSim clusters, with the chart
# served from a loopback HTTP chart repository; kubectl reads what was deployed, and the release Secrets are decoded
# here and checked against Helm's storage format.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ChartRepositoryServer.psm1') -Force
    Import-Module (Join-Path $env:SVELTOS_REPO 'build/ChartRegistry.psm1') -Force
    Import-BuiltSveltos

    $script:savedCache = $env:SVELTOS_HELM_CACHE
    $env:SVELTOS_HELM_CACHE = Join-Path $TestDrive 'cache'

    # A small application chart: a ConfigMap fed by values, a Deployment, a test hook and NOTES.
    function New-ShopChart {
        param([string] $Root, [string] $Version)
        $chart = Join-Path $Root "shop-$Version"
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: shop`nversion: $Version`nappVersion: `"1.0`"`n"
        Write-ChartFile $chart 'values.yaml' "replicas: 1`nregion: none`ncolor: blue`n"
        Write-ChartFile $chart 'templates/configmap.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
data:
  region: {{ .Values.region | quote }}
  color: {{ .Values.color | quote }}
  chart: {{ .Chart.Version | quote }}
  kube: {{ .Capabilities.KubeVersion.Version | quote }}
'@
        Write-ChartFile $chart 'templates/deployment.yaml' @'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
        - name: shop
          image: nginx:1.27
'@
        Write-ChartFile $chart 'templates/tests/test.yaml' "apiVersion: v1`nkind: Pod`nmetadata:`n  name: shop-test`n  annotations:`n    helm.sh/hook: test`n"
        Write-ChartFile $chart 'templates/NOTES.txt' 'Shop {{ .Release.Name }} is installed.'
        $chart
    }

    function Write-ShopProfile {
        param($Fleet, [string] $Version = '0.1.0', [string] $Values = 'region: {{ index .Cluster.metadata.labels "region" }}', [string] $Extra = '')
        $indented = ($Values -split "`n" | ForEach-Object { "        $_" }) -join "`n"
        Set-Content (Join-Path $Fleet.Path 'profiles/shop.yaml') @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: shop
spec:
  clusterSelector:
    matchLabels: {env: prod}
  helmCharts:
    - repositoryURL: $($repo.Url)
      repositoryName: demo
      chartName: demo/shop
      chartVersion: $Version
      releaseName: shop
      releaseNamespace: apps
      values: |
$indented
$Extra
"@
    }

    # A release Secret decoded as helm decodes it: base64 (the API's), base64 (Helm's), gzip, JSON.
    function Get-Release {
        param($Fleet, [string] $Cluster, [int] $Version)
        $secret = kubectl --kubeconfig $Fleet.Kubeconfig --context $Cluster get secret "sh.helm.release.v1.shop.v$Version" -n apps -o json --ignore-not-found | ConvertFrom-Json
        if (-not $secret) { return }
        $helm = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.release))
        $gzip = [IO.Compression.GZipStream]::new([IO.MemoryStream]::new([Convert]::FromBase64String($helm)), [IO.Compression.CompressionMode]::Decompress)
        $json = [IO.StreamReader]::new($gzip).ReadToEnd()
        [pscustomobject]@{ Secret = $secret; Json = $json; Release = $json | ConvertFrom-Json -AsHashtable }
    }

    function Get-Writes {
        param([string] $Cluster)
        $c = Get-KubeSimCounter $Cluster
        $c.create + $c.update + $c.patch + $c.apply + $c.delete
    }

    $script:repoRoot = Join-Path $TestDrive 'repo'
    foreach ($version in '0.1.0', '0.2.0') {
        Publish-HelmChart (New-ShopChart (Join-Path $TestDrive 'src') $version) -Repository $repoRoot | Out-Null
    }
    $script:repo = Start-TestChartRepository -Root $repoRoot
    $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' }; c2 = @{ env = 'prod'; region = 'us' }; c3 = @{ env = 'dev'; region = 'eu' } }
    New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'profiles') | Out-Null
}

AfterAll {
    Remove-TestFleet $fleet
    Stop-TestChartRepository $repo
    $env:SVELTOS_HELM_CACHE = $savedCache
}

Describe 'A helmCharts entry is installed, upgraded and uninstalled as a Helm 3 release' {
    It 'installs the chart on every matching cluster with per-cluster values, objects owned as Helm owns them' {
        Write-ShopProfile $fleet
        $results = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        $c1 = $results | Where-Object Cluster -EQ 'fleet/c1'
        ($c1 | Sort-Object Kind).Kind | Should -Be 'ConfigMap', 'Deployment', 'Secret'
        $c1.Action | Sort-Object -Unique | Should -Be 'Created'
        $results | Where-Object Cluster -EQ 'fleet/c3' | Should -BeNullOrEmpty

        (Get-Live $fleet c1 configmap shop-settings -Namespace apps).data.region | Should -Be 'eu'
        (Get-Live $fleet c2 configmap shop-settings -Namespace apps).data.region | Should -Be 'us'
        $deployment = Get-Live $fleet c1 deployment shop -Namespace apps
        $deployment.metadata.labels.'app.kubernetes.io/managed-by' | Should -Be 'Helm'
        $deployment.metadata.annotations.'meta.helm.sh/release-name' | Should -Be 'shop'
        $deployment.metadata.annotations.'meta.helm.sh/release-namespace' | Should -Be 'apps'
        $deployment.metadata.annotations.'projectsveltos.io/owner-name' | Should -Be 'shop'
        Get-Live $fleet c1 pod shop-test -Namespace apps | Should -BeNullOrEmpty
    }

    It 'stores the release as Helm 3 does: the Secret, its labels and every field of the release' {
        $stored = Get-Release $fleet c1 1
        $stored.Secret.type | Should -Be 'helm.sh/release.v1'
        $labels = $stored.Secret.metadata.labels
        $labels.name | Should -Be 'shop'
        $labels.owner | Should -Be 'helm'
        $labels.status | Should -Be 'deployed'
        $labels.version | Should -Be '1'
        $labels.modifiedAt | Should -Match '^\d{10}$'

        $release = $stored.Release
        $release.name | Should -Be 'shop'
        $release.namespace | Should -Be 'apps'
        $release.version | Should -Be 1
        $release.info.status | Should -Be 'deployed'
        $release.info.description | Should -Be 'Install complete'
        $release.info.notes | Should -Be 'Shop shop is installed.'
        $release.info.deleted | Should -Be ''
        [DateTimeOffset]::Parse($release.info.first_deployed) | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-5))
        $release.info.first_deployed | Should -Be $release.info.last_deployed
        $release.chart.metadata.name | Should -Be 'shop'
        $release.chart.metadata.version | Should -Be '0.1.0'
        $release.chart.metadata.apiVersion | Should -Be 'v2'
        ($release.chart.templates | ForEach-Object name) | Should -Contain 'templates/configmap.yaml'
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String(($release.chart.templates | Where-Object name -EQ 'templates/deployment.yaml').data)) | Should -Match 'replicas: \{\{ \.Values\.replicas \}\}'
        $release.chart.values.color | Should -Be 'blue'
        $release.config | Should -BeOfType [hashtable]
        $release.config.region | Should -Be 'eu'
        $release.config.Keys | Should -Be 'region'
        $release.manifest | Should -Match '(?s)^---\n# Source: shop/templates/configmap.yaml\n.*region: "eu".*---\n# Source: shop/templates/deployment.yaml\n'
        $release.hooks.Count | Should -Be 1
        $release.hooks[0].name | Should -Be 'shop-test'
        $release.hooks[0].events | Should -Be 'test'
        $release.hooks[0].path | Should -Be 'shop/templates/tests/test.yaml'
        # Go's encoding/json order of release.Release: name, info, chart, config, manifest, hooks, version, namespace.
        $top = [Text.Json.JsonDocument]::Parse($stored.Json).RootElement.EnumerateObject() | ForEach-Object Name
        $top | Should -Be 'name', 'info', 'chart', 'config', 'manifest', 'hooks', 'version', 'namespace'
        [Text.Json.JsonDocument]::Parse($stored.Json).RootElement.GetProperty('info').EnumerateObject().Name | Should -Be 'first_deployed', 'last_deployed', 'deleted', 'description', 'status', 'notes'
    }

    It 'a second sync of an unchanged release writes nothing and keeps revision 1' {
        Get-KubeSimCounter -Reset | Out-Null
        $summary = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Summary
        $summary.Status | Should -Be 'Unchanged', 'Unchanged'
        Get-Writes c1 | Should -Be 0
        Get-Writes c2 | Should -Be 0
        Get-Release $fleet c1 2 | Should -BeNullOrEmpty
    }

    It '-WhatIf of a values change shows the object diffs and the values diff of the upgrade, and changes nothing' {
        Write-ShopProfile $fleet -Values "region: {{ index .Cluster.metadata.labels `"region`" }}`nreplicas: 2"
        $results = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -WhatIf | Where-Object Cluster -EQ 'fleet/c1'
        ($results | Where-Object Kind -EQ 'Deployment').Diff | Should -Match '(?m)^-  replicas: 1$'
        $storage = $results | Where-Object Name -EQ 'sh.helm.release.v1.shop.v2'
        $storage.Action | Should -Be 'WouldCreate'
        $storage.Diff | Should -Match '(?m)^--- release/apps/shop revision 1$'
        $storage.Diff | Should -Match '(?m)^\+\+\+ release/apps/shop revision 2$'
        $storage.Diff | Should -Match '(?m)^\+  replicas: 2$'
        $storage.Diff | Should -Match '(?m)^   region: eu$'
        Get-Release $fleet c1 2 | Should -BeNullOrEmpty
    }

    It 'a values change is revision 2, deployed, and revision 1 becomes superseded' {
        Write-ShopProfile $fleet -Values "region: {{ index .Cluster.metadata.labels `"region`" }}`nreplicas: 2"
        $results = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        ($results | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Kind -eq 'Deployment' }).Action | Should -Be 'Updated'
        (Get-Live $fleet c1 deployment shop -Namespace apps).spec.replicas | Should -Be 2
        $v2 = Get-Release $fleet c1 2
        $v2.Secret.metadata.labels.status | Should -Be 'deployed'
        $v2.Release.info.description | Should -Be 'Upgrade complete'
        $v2.Release.config.replicas | Should -Be 2
        $v1 = Get-Release $fleet c1 1
        $v1.Release.info.first_deployed | Should -Be $v2.Release.info.first_deployed
        $v1.Secret.metadata.labels.status | Should -Be 'superseded'
        $v1.Release.info.status | Should -Be 'superseded'
        (Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig).Action | Sort-Object -Unique | Should -Be 'Unchanged' -Because 'the superseded revision is stored as the next sync reads it'
    }

    It 'a chart version upgrade is revision 3; the oldest revision is pruned past maxHistory (2)' {
        Write-ShopProfile $fleet -Version 0.2.0 -Values "region: {{ index .Cluster.metadata.labels `"region`" }}`nreplicas: 2"
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        (Get-Live $fleet c1 configmap shop-settings -Namespace apps).data.chart | Should -Be '0.2.0'
        $v3 = Get-Release $fleet c1 3
        $v3.Release.chart.metadata.version | Should -Be '0.2.0'
        $v3.Secret.metadata.labels.status | Should -Be 'deployed'
        (Get-Release $fleet c1 2).Secret.metadata.labels.status | Should -Be 'superseded'
        Get-Release $fleet c1 1 | Should -BeNullOrEmpty
    }

    It 'Get-ClusterSummary -HelmRelease lists each release: cluster, namespace, name, chart, version, revision, status' {
        $releases = Get-ClusterSummary -HelmRelease -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        $releases | Should -HaveCount 2
        $releases[0] | Should -BeOfType Sveltos.HelmReleaseSummary
        ($releases | ForEach-Object { "$($_.Cluster) $($_.Namespace)/$($_.Name) $($_.Chart) $($_.Version) $($_.AppVersion) $($_.Revision) $($_.Status) $($_.Profile)" }) |
            Should -Be 'fleet/c1 apps/shop shop 0.2.0 1.0 3 deployed ClusterProfile/shop', 'fleet/c2 apps/shop shop 0.2.0 1.0 3 deployed ClusterProfile/shop'
        (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Select-Object -First 1).HelmReleases | Should -Be 'apps/shop (shop-0.2.0, revision 3)'
        (Get-ClusterSummary -HelmRelease -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Format-Table | Out-String) | Should -Match 'Revision'
    }

    It 'helmChartAction Uninstall removes the release: its objects and its storage' {
        Write-ShopProfile $fleet -Version 0.2.0 -Extra '      helmChartAction: Uninstall'
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        Get-Live $fleet c1 deployment shop -Namespace apps | Should -BeNullOrEmpty
        Get-Live $fleet c1 configmap shop-settings -Namespace apps | Should -BeNullOrEmpty
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 get secrets -n apps -l owner=helm,name=shop -o name | Should -BeNullOrEmpty
    }
}

Describe 'What a sync of helmCharts does not do yet is refused, per cluster, naming the field' {
    It 'an option the module does not honour fails the profile on each cluster and deploys nothing' {
        Write-ShopProfile $fleet -Extra "      options:`n        upgradeOptions:`n          recreate: true"
        $results = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'spec\.helmCharts\[0\]\.options\.upgradeOptions\.recreate'
        $failures[0].FullyQualifiedErrorId | Should -Match 'NotSupported'
        Get-Live $fleet c1 deployment shop -Namespace apps | Should -BeNullOrEmpty
    }

    It 'a chart''s hooks are stored with the release and run only at their events: a pre-upgrade hook not on install' {
        $hooked = New-ShopChart (Join-Path $TestDrive 'hooked') '0.3.0'
        Write-ChartFile $hooked 'templates/migrate.yaml' "apiVersion: batch/v1`nkind: Job`nmetadata:`n  name: migrate`n  annotations:`n    helm.sh/hook: pre-upgrade`nspec:`n  template:`n    spec:`n      restartPolicy: Never`n      containers: [{name: m, image: busybox}]`n"
        Publish-HelmChart $hooked -Repository $repoRoot | Out-Null
        Write-ShopProfile $fleet -Version 0.3.0
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        Get-Live $fleet c1 deployment shop -Namespace apps | Should -Not -BeNullOrEmpty
        Get-Live $fleet c1 job migrate -Namespace apps | Should -BeNullOrEmpty
        (Get-Release $fleet c1 1).Release.hooks.name | Should -Contain 'migrate'
    }

    It 'a chart that cannot be fetched is a per-cluster error naming profile, chart and release; nothing deployed is lost' {
        Write-ShopProfile $fleet -Version 9.9.9
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'ClusterProfile/shop helmCharts\[0\] \(release apps/shop, chart demo/shop\)'
        "$($failures[0])" | Should -Match '9\.9\.9'
        Get-Live $fleet c1 deployment shop -Namespace apps | Should -Not -BeNullOrEmpty
    }
}

Describe 'A release that helm installed is taken over and upgraded in place' {
    BeforeAll {
        $script:own = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' } }
        New-Item -ItemType Directory -Force (Join-Path $own.Path 'profiles') | Out-Null

        # Revision 1 as helm install writes it (Helm 3's Secret driver: release JSON in Go's field order, gzip,
        # base64), with the objects helm created, owned as helm owns them and unknown to Sveltos.
        $template = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: {{ .Release.Name }}-settings`ndata:`n  region: {{ .Values.region | quote }}`n"))
        $manifest = '---\n# Source: shop/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-settings\ndata:\n  region: \"eu\"\n'
        $script:helmJson = '{"name":"shop","info":{"first_deployed":"2026-11-30T10:00:00.123456789+01:00","last_deployed":"2026-11-30T10:00:00.123456789+01:00","deleted":"","description":"Install complete","status":"deployed","notes":"Shop shop is installed."},' +
            '"chart":{"metadata":{"name":"shop","version":"0.1.0","apiVersion":"v2","appVersion":"1.0"},"lock":null,"templates":[{"name":"templates/configmap.yaml","data":"' + $template + '"}],"values":{"color":"blue","region":"none","replicas":1},"schema":null,"files":null},' +
            '"config":{"region":"eu"},"manifest":"' + $manifest + '","version":1,"namespace":"apps"}'
        $buffer = [IO.MemoryStream]::new()
        $gzip = [IO.Compression.GZipStream]::new($buffer, [IO.Compression.CompressionLevel]::SmallestSize, $true)
        $bytes = [Text.Encoding]::UTF8.GetBytes($helmJson)
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
        $release = [Convert]::ToBase64String($buffer.ToArray())
        $objects = @"
apiVersion: v1
kind: Namespace
metadata: {name: apps}
---
apiVersion: v1
kind: Secret
type: helm.sh/release.v1
metadata:
  name: sh.helm.release.v1.shop.v1
  namespace: apps
  labels: {name: shop, owner: helm, status: deployed, version: "1", modifiedAt: "1764493200"}
stringData:
  release: $release
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-settings
  namespace: apps
  labels: {app.kubernetes.io/managed-by: Helm}
  annotations: {meta.helm.sh/release-name: shop, meta.helm.sh/release-namespace: apps}
data:
  region: "eu"
"@
        $objects | kubectl --kubeconfig $own.Kubeconfig --context c1 apply -f - | Out-Null
    }
    AfterAll { Remove-TestFleet $own }

    It 'the module reads helm''s revision 1 and writes revision 2 next to it, revision 1 superseded as helm would' {
        Write-ShopProfile $own -Values "region: {{ index .Cluster.metadata.labels `"region`" }}`nreplicas: 3"
        $results = Invoke-ProfileSync -FleetPath $own.Path -Kubeconfig $own.Kubeconfig
        ($results | Where-Object Kind -EQ 'ConfigMap').Action | Should -Be 'Adopted'
        ($results | Where-Object Kind -EQ 'Deployment').Action | Should -Be 'Created'
        ($results | Where-Object Name -EQ 'sh.helm.release.v1.shop.v2').Action | Should -Be 'Created'
        ($results | Where-Object Name -EQ 'sh.helm.release.v1.shop.v1').Action | Should -Be 'Adopted'
        (Get-Live $own c1 deployment shop -Namespace apps).spec.replicas | Should -Be 3

        $v2 = Get-Release $own c1 2
        $v2.Secret.metadata.labels.status | Should -Be 'deployed'
        $v2.Release.info.first_deployed | Should -Be '2026-11-30T10:00:00.123456789+01:00'
        $v2.Release.info.description | Should -Be 'Upgrade complete'
        $v2.Release.config.replicas | Should -Be 3

        # Revision 1 is helm's own, only its status changed: every other byte of its JSON as helm wrote it.
        $v1 = Get-Release $own c1 1
        $v1.Secret.metadata.labels.status | Should -Be 'superseded'
        $v1.Json | Should -BeExactly ($helmJson -replace '"status":"deployed"', '"status":"superseded"')
    }

    It 'a second sync leaves both revisions as they are' {
        Get-KubeSimCounter -Reset | Out-Null
        (Invoke-ProfileSync -FleetPath $own.Path -Kubeconfig $own.Kubeconfig -Summary).Status | Should -Be 'Unchanged'
        Get-Writes c1 | Should -Be 0
    }
}

Describe 'Drift of a chart''s objects is seen and put back, without a new revision' {
    BeforeAll {
        $script:drift = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' } }
        New-Item -ItemType Directory -Force (Join-Path $drift.Path 'profiles') | Out-Null
        Write-ShopProfile $drift
        Invoke-ProfileSync -FleetPath $drift.Path -Kubeconfig $drift.Kubeconfig | Out-Null
    }
    AfterAll { Remove-TestFleet $drift }

    It 'Test-Drift reports an edited chart object, and a sync reverts it; the release stays at revision 1' {
        kubectl --kubeconfig $drift.Kubeconfig --context c1 patch configmap shop-settings -n apps --type merge -p '{"data":{"region":"moon"}}' | Out-Null
        $found = Test-Drift -FleetPath $drift.Path -Kubeconfig $drift.Kubeconfig
        ($found | Where-Object Kind -EQ 'ConfigMap').Name | Should -Be 'shop-settings'
        $results = Invoke-ProfileSync -FleetPath $drift.Path -Kubeconfig $drift.Kubeconfig
        ($results | Where-Object Kind -EQ 'ConfigMap').Action | Should -Be 'Updated'
        ($results | Where-Object Kind -EQ 'Secret').Action | Should -Be 'Unchanged'
        (Get-Live $drift c1 configmap shop-settings -Namespace apps).data.region | Should -Be 'eu'
        Get-Release $drift c1 2 | Should -BeNullOrEmpty
    }

    It 'Watch-Drift -Remediate restores a deleted chart object as it happens' {
        $run = Start-Background {
            param($sink, $path, $kubeconfig)
            Watch-Drift -Remediate -FleetPath $path -Kubeconfig $kubeconfig -Timeout 60 | ForEach-Object { $null = $sink.Add($_) }
        } $drift.Path, $drift.Kubeconfig
        try {
            Start-Sleep -Seconds 2
            kubectl --kubeconfig $drift.Kubeconfig --context c1 delete deployment shop -n apps | Out-Null
            Wait-Until { Get-Live $drift c1 deployment shop -Namespace apps } 10 | Should -BeLessThan 10
            (Get-Live $drift c1 deployment shop -Namespace apps).metadata.annotations.'meta.helm.sh/release-name' | Should -Be 'shop'
            Wait-Until { $run.Output | Where-Object { $_.Kind -eq 'Deployment' -and $_.Status -eq 'Remediated' } } 5 | Out-Null
            Get-Release $drift c1 2 | Should -BeNullOrEmpty
        }
        finally {
            $run.PowerShell.Stop()
            $run.PowerShell.Dispose()
        }
    }
}

Describe 'What helm uninstall keeps, the module keeps: crds/ CRDs and objects annotated helm.sh/resource-policy: keep' {
    BeforeAll {
        $script:keep = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' } }
        New-Item -ItemType Directory -Force (Join-Path $keep.Path 'profiles') | Out-Null
        $chart = Join-Path $TestDrive 'widgets'
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: shop`nversion: 0.5.0`n"
        Write-ChartFile $chart 'crds/widget.yaml' @'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.org
spec:
  group: example.org
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
'@
        Write-ChartFile $chart 'templates/kept.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: kept`n  annotations:`n    helm.sh/resource-policy: keep`ndata: {a: b}`n"
        Write-ChartFile $chart 'templates/dropped.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: dropped`ndata: {a: b}`n"
        Publish-HelmChart $chart -Repository $repoRoot | Out-Null
        Write-ShopProfile $keep -Version 0.5.0
        Invoke-ProfileSync -FleetPath $keep.Path -Kubeconfig $keep.Kubeconfig | Out-Null
    }
    AfterAll { Remove-TestFleet $keep }

    It 'installs the CRD first and the templates with it' {
        kubectl --kubeconfig $keep.Kubeconfig --context c1 get crd widgets.example.org -o name | Should -Be 'customresourcedefinition.apiextensions.k8s.io/widgets.example.org'
        Get-Live $keep c1 configmap kept -Namespace apps | Should -Not -BeNullOrEmpty
        (Get-Release $keep c1 1).Release.manifest | Should -Not -Match 'CustomResourceDefinition'
    }

    It 'uninstall deletes the rest and leaves those, untracked' {
        Write-ShopProfile $keep -Version 0.5.0 -Extra '      helmChartAction: Uninstall'
        $results = Invoke-ProfileSync -FleetPath $keep.Path -Kubeconfig $keep.Kubeconfig
        ($results | Where-Object Name -EQ 'dropped').Action | Should -Be 'Deleted'
        ($results | Where-Object Name -EQ 'kept').Action | Should -Be 'Released'
        ($results | Where-Object Name -EQ 'widgets.example.org').Action | Should -Be 'Released'
        Get-Live $keep c1 configmap dropped -Namespace apps | Should -BeNullOrEmpty
        $kept = Get-Live $keep c1 configmap kept -Namespace apps
        $kept | Should -Not -BeNullOrEmpty
        $kept.metadata.annotations.'projectsveltos.io/owner-name' | Should -BeNullOrEmpty
        kubectl --kubeconfig $keep.Kubeconfig --context c1 get crd widgets.example.org -o name | Should -Not -BeNullOrEmpty
        Get-Release $keep c1 1 | Should -BeNullOrEmpty
    }
}

Describe 'valuesFrom: chart values held in ConfigMaps and Secrets of the fleet' {
    BeforeAll {
        $script:vf = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' } }
        New-Item -ItemType Directory -Force (Join-Path $vf.Path 'profiles'), (Join-Path $vf.Path 'content') | Out-Null
        function Write-Values([string] $Color, [string] $SecretText = 'replicas: 4') {
            $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($SecretText))
            Set-Content (Join-Path $vf.Path 'content/shop-values.yaml') @"
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-values
  namespace: fleet
  annotations: {projectsveltos.io/template: ok}
data:
  values.yaml: |
    color: '{{ index .Cluster.metadata.labels "region" }}-$Color'
---
apiVersion: v1
kind: Secret
metadata:
  name: shop-secret-values
  namespace: fleet
data:
  values.yaml: $encoded
"@
        }
        Write-Values green
        Write-ShopProfile $vf -Values 'region: {{ index .Cluster.metadata.labels "region" }}' -Extra "      valuesFrom:`n        - {kind: ConfigMap, name: shop-values}`n        - {kind: Secret, name: shop-secret-values}"
    }
    AfterAll { Remove-TestFleet $vf }

    It 'merges them over values, in order, templated when the source asks for it' {
        Invoke-ProfileSync -FleetPath $vf.Path -Kubeconfig $vf.Kubeconfig | Out-Null
        $settings = Get-Live $vf c1 configmap shop-settings -Namespace apps
        $settings.data.region | Should -Be 'eu'
        $settings.data.color | Should -Be 'eu-green'
        (Get-Live $vf c1 deployment shop -Namespace apps).spec.replicas | Should -Be 4
        $config = (Get-Release $vf c1 1).Release.config
        $config.color, $config.replicas, $config.region | Should -Be 'eu-green', 4, 'eu'
    }

    It 'a change of a values source is the next revision' {
        Write-Values blue
        Invoke-ProfileSync -FleetPath $vf.Path -Kubeconfig $vf.Kubeconfig | Out-Null
        (Get-Live $vf c1 configmap shop-settings -Namespace apps).data.color | Should -Be 'eu-blue'
        (Get-Release $vf c1 2).Secret.metadata.labels.status | Should -Be 'deployed'
    }

    It 'values from a Secret that do not parse are an error that never quotes them; the release is kept' {
        Write-Values blue -SecretText "password: [hunter2-very-secret"
        Invoke-ProfileSync -FleetPath $vf.Path -Kubeconfig $vf.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 1
        "$($failures[0])" | Should -Match 'Secret fleet/shop-secret-values'
        "$($failures[0])" | Should -Not -Match 'hunter2'
        (Get-Live $vf c1 deployment shop -Namespace apps).spec.replicas | Should -Be 4
    }
}

Describe 'A chart from a private OCI registry, with registryCredentialsConfig' {
    BeforeAll {
        $script:registry = Start-ChartRegistry -Auth Basic
        $pushCred = [pscredential]::new($registry.Username, (ConvertTo-SecureString $registry.Password -AsPlainText -Force))
        Publish-HelmChart (Join-Path $TestDrive 'src/shop-0.2.0') -Repository "oci://$($registry.Host)/charts" -PlainHttp -Credential $pushCred | Out-Null
        $script:oci = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' } }
        New-Item -ItemType Directory -Force (Join-Path $oci.Path 'profiles'), (Join-Path $oci.Path 'content') | Out-Null
        function Write-RegistrySecret([string] $Password) {
            $auth = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($registry.Username):$Password"))
            $config = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("{`"auths`":{`"$($registry.Host)`":{`"auth`":`"$auth`"}}}"))
            Set-Content (Join-Path $oci.Path 'content/regcred.yaml') "apiVersion: v1`nkind: Secret`ntype: kubernetes.io/dockerconfigjson`nmetadata:`n  name: regcred`n  namespace: fleet`ndata:`n  .dockerconfigjson: $config`n"
        }
        Set-Content (Join-Path $oci.Path 'profiles/shop.yaml') @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: shop
spec:
  clusterSelector:
    matchLabels: {env: prod}
  helmCharts:
    - repositoryURL: oci://$($registry.Host)/charts
      repositoryName: private
      chartName: shop
      chartVersion: 0.2.0
      releaseName: shop
      releaseNamespace: apps
      registryCredentialsConfig:
        credentials: {name: regcred}
        plainHTTP: true
"@
    }
    AfterAll {
        Remove-TestFleet $oci
        if ($registry) { Stop-ChartRegistry $registry }
    }

    It 'a wrong password is a per-cluster error that never shows it' {
        Write-RegistrySecret 'not-the-password-771'
        $output = Invoke-ProfileSync -FleetPath $oci.Path -Kubeconfig $oci.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 | Out-String
        $failures.Count | Should -Be 1
        "$($failures[0])" | Should -Match $([regex]::Escape($registry.Host))
        "$($failures[0]) $output" | Should -Not -Match 'not-the-password-771'
        Get-Live $oci c1 deployment shop -Namespace apps | Should -BeNullOrEmpty
    }

    It 'the docker config Secret''s entry for the registry pulls the chart, and the release is installed' {
        Write-RegistrySecret $registry.Password
        $output = Invoke-ProfileSync -FleetPath $oci.Path -Kubeconfig $oci.Kubeconfig -Verbose 4>&1 | Out-String
        $output | Should -Not -Match ([regex]::Escape($registry.Password))
        (Get-Live $oci c1 configmap shop-settings -Namespace apps).data.chart | Should -Be '0.2.0'
        (Get-Release $oci c1 1).Release.chart.metadata.version | Should -Be '0.2.0'
    }
}

Describe 'lookup and .Capabilities answer from the target cluster' {
    BeforeAll {
        $script:lk = New-TestFleet @{ c1 = @{ env = 'prod'; region = 'eu' }; c2 = @{ env = 'prod'; region = 'us' } }
        New-Item -ItemType Directory -Force (Join-Path $lk.Path 'profiles') | Out-Null
        $chart = Join-Path $TestDrive 'lookup'
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: shop`nversion: 0.6.0`n"
        Write-ChartFile $chart 'templates/found.yaml' @'
{{- $existing := lookup "v1" "Secret" .Release.Namespace "shop-password" }}
{{- $all := lookup "v1" "Namespace" "" "" }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-lookup
data:
  found: {{ if $existing }}{{ index $existing.data "password" | b64dec | quote }}{{ else }}"none"{{ end }}
  missing: {{ lookup "v1" "ConfigMap" "apps" "not-there" | len | quote }}
  namespaces: {{ gt (len $all.items) 1 | quote }}
  gadgets: {{ .Capabilities.APIVersions.Has "example.com/v1/Gadget" | quote }}
  deployments: {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" | quote }}
'@
        Publish-HelmChart $chart -Repository $repoRoot | Out-Null
        "apiVersion: v1`nkind: Namespace`nmetadata: {name: apps}`n---`napiVersion: v1`nkind: Secret`nmetadata: {name: shop-password, namespace: apps}`nstringData: {password: kept-from-c1}`n" |
            kubectl --kubeconfig $lk.Kubeconfig --context c1 apply -f - | Out-Null
        @'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: gadgets, singular: gadget, kind: Gadget}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
'@ | kubectl --kubeconfig $lk.Kubeconfig --context c1 apply -f - | Out-Null
        Write-ShopProfile $lk -Version 0.6.0
    }
    AfterAll { Remove-TestFleet $lk }

    It 'each cluster''s render sees its own objects: found on c1, nothing on c2' {
        Invoke-ProfileSync -FleetPath $lk.Path -Kubeconfig $lk.Kubeconfig | Out-Null
        $c1 = (Get-Live $lk c1 configmap shop-lookup -Namespace apps).data
        $c2 = (Get-Live $lk c2 configmap shop-lookup -Namespace apps).data
        $c1.found | Should -Be 'kept-from-c1'
        $c2.found | Should -Be 'none'
        $c1.missing, $c2.missing | Should -Be '0', '0'
        $c1.namespaces | Should -Be 'true'
    }

    It '.Capabilities.APIVersions is what each cluster serves, kinds included: a CRD on c1 only' {
        $c1 = (Get-Live $lk c1 configmap shop-lookup -Namespace apps).data
        $c2 = (Get-Live $lk c2 configmap shop-lookup -Namespace apps).data
        $c1.gadgets, $c2.gadgets | Should -Be 'true', 'false'
        $c1.deployments, $c2.deployments | Should -Be 'true', 'true'
    }
}
