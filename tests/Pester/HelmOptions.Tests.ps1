# helmCharts[].options that change how a release is installed or upgraded, end to end on KubeSim clusters:
# createNamespace: false, skipSchemaValidation, reuseValues (Helm's semantics: the last release's values become the
# chart's defaults), upgradeCRDs (crds/ left alone on upgrade unless asked).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ChartRepositoryServer.psm1') -Force
    Import-Module (Join-Path $env:SVELTOS_REPO 'build/ChartRegistry.psm1') -Force
    Import-BuiltSveltos

    $script:savedCache = $env:SVELTOS_HELM_CACHE
    $env:SVELTOS_HELM_CACHE = Join-Path $TestDrive 'cache'

    function Write-OptsChart {
        param([string] $Version, [string] $Generation, [string] $ExtraDefault = '')
        $chart = Join-Path $TestDrive "src/opts-$Version"
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: opts`nversion: $Version`n"
        Write-ChartFile $chart 'values.yaml' "color: blue`nsize: 1`n$ExtraDefault"
        Write-ChartFile $chart 'values.schema.json' '{"type": "object", "properties": {"size": {"type": "integer"}}}'
        Write-ChartFile $chart 'templates/settings.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
data:
  color: {{ .Values.color | quote }}
  size: {{ .Values.size | quote }}
  extra: {{ .Values.extra | default "none" | quote }}
'@
        Write-ChartFile $chart 'crds/gadgets.yaml' @"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.opts.example.com
  labels: {generation: $Generation}
spec:
  group: opts.example.com
  scope: Namespaced
  names: {plural: gadgets, singular: gadget, kind: Gadget}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
"@
        Publish-HelmChart $chart -Repository $repoRoot | Out-Null
    }

    function Write-OptsProfile {
        param([string] $Release = 'opts', [string] $Namespace = 'apps', [string] $Version = '0.1.0', [string] $Values = 'color: blue', [string] $Options = '', [string] $Action = 'Install')
        Write-HelmChartProfile $fleet -RepositoryUrl $repo.Url -Chart opts -Version $Version -Release $Release -Namespace $Namespace -Values $Values -Options $Options -Action $Action
    }

    function Sync {
        [CmdletBinding()]
        param()
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
    }

    function Get-CrdGeneration {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 get crd gadgets.opts.example.com -o jsonpath='{.metadata.labels.generation}' 2>$null
    }

    $script:repoRoot = Join-Path $TestDrive 'repo'
    New-Item -ItemType Directory -Force $repoRoot | Out-Null
    Write-OptsChart 0.1.0 one
    Write-OptsChart 0.2.0 two "extra: added`n"
    $script:repo = Start-TestChartRepository -Root $repoRoot
    $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
    New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'profiles') | Out-Null
}

AfterAll {
    Remove-TestFleet $fleet
    Stop-TestChartRepository $repo
    $env:SVELTOS_HELM_CACHE = $savedCache
}

Describe 'installOptions.createNamespace: false' {
    It 'refuses a namespace that does not exist, naming it, and installs once it does' {
        Write-OptsProfile -Release strict -Namespace absent -Options "installOptions:`n  createNamespace: false"
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match "namespace 'absent' does not exist on the cluster, and installOptions.createNamespace is false"
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 get namespace absent --ignore-not-found -o name | Should -BeNullOrEmpty

        kubectl --kubeconfig $fleet.Kubeconfig --context c1 create namespace absent | Out-Null
        Sync | Out-Null
        Get-Live $fleet c1 configmap strict-settings -Namespace absent | Should -Not -BeNullOrEmpty
        Remove-ClusterProfile -Name strict -FleetPath $fleet.Path -Confirm:$false | Out-Null
        Sync | Out-Null
    }
}

Describe 'skipSchemaValidation' {
    It 'values that break values.schema.json are refused, unless the entry skips the schema' {
        Write-OptsProfile -Release loose -Values 'size: big'
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'schema'
        "$($failures[0])" | Should -Match 'size'
        Get-Live $fleet c1 configmap loose-settings -Namespace apps | Should -BeNullOrEmpty

        Write-OptsProfile -Release loose -Values 'size: big' -Options 'skipSchemaValidation: true'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap loose-settings -Namespace apps).data.size | Should -Be 'big'
        Remove-ClusterProfile -Name loose -FleetPath $fleet.Path -Confirm:$false | Out-Null
        Sync | Out-Null
    }
}

Describe 'reuseValues and upgradeCRDs on upgrade' {
    It 'installs the chart and its CRD' {
        Write-OptsProfile -Values 'color: red'
        Sync | Out-Null
        Get-CrdGeneration | Should -Be 'one'
    }

    It 'an upgrade leaves crds/ as they are live unless upgradeCRDs; reuseValues keeps the last values as the chart''s defaults' {
        Write-OptsProfile -Version 0.2.0 -Values 'size: 3' -Options "upgradeOptions:`n  reuseValues: true"
        Sync | Out-Null
        $data = (Get-Live $fleet c1 configmap opts-settings -Namespace apps).data
        $data.color | Should -Be 'red' -Because 'reuseValues merges the new values over the last release''s'
        $data.size | Should -Be '3'
        $data.extra | Should -Be 'none' -Because 'with reuseValues Helm renders with the last release''s values as the chart''s, not the new values.yaml'
        Get-CrdGeneration | Should -Be 'one' -Because 'helm upgrade does not touch crds/ unless upgradeCRDs'
        @(Sync).Action | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'upgradeCRDs: true applies the new chart''s CRDs on the next upgrade' {
        Write-OptsProfile -Version 0.2.0 -Values 'color: green' -Options "upgradeOptions:`n  upgradeCRDs: true"
        Sync | Out-Null
        Get-CrdGeneration | Should -Be 'two'
        (Get-Live $fleet c1 configmap opts-settings -Namespace apps).data.extra | Should -Be 'added'
    }

    It 'upgradeOptions.force replaces the objects it upgrades: what another manager added is dropped; without it, kept' {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 patch configmap opts-settings -n apps --type merge -p '{"data":{"foreign":"kept"}}' | Out-Null
        Write-OptsProfile -Version 0.2.0 -Values 'color: yellow'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap opts-settings -Namespace apps).data.foreign | Should -Be 'kept'

        Write-OptsProfile -Version 0.2.0 -Values 'color: orange' -Options "upgradeOptions:`n  force: true"
        Sync | Out-Null
        $data = (Get-Live $fleet c1 configmap opts-settings -Namespace apps).data
        $data.color | Should -Be 'orange'
        $data.PSObject.Properties.Name | Should -Not -Contain 'foreign'
        @(Sync).Action | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'uninstall keeps the CRD, as helm does' {
        Remove-ClusterProfile -Name opts -FleetPath $fleet.Path -Confirm:$false | Out-Null
        Sync | Out-Null
        Get-Live $fleet c1 configmap opts-settings -Namespace apps | Should -BeNullOrEmpty
        Get-CrdGeneration | Should -Be 'two'
    }
}

Describe 'uninstallOptions.deletionPropagation' {
    BeforeAll {
        function Add-Dependent([string] $Name) {
            $owner = Get-Live $fleet c1 configmap kids-settings -Namespace apps
            @"
apiVersion: v1
kind: ConfigMap
metadata:
  name: $Name
  namespace: apps
  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: kids-settings, uid: $($owner.metadata.uid)}]
"@ | kubectl --kubeconfig $fleet.Kubeconfig --context c1 apply -f - | Out-Null
        }
    }

    It 'orphan leaves the dependents of the release''s objects (their owner reference removed); background, the default, removes them' {
        Write-OptsProfile -Release kids -Options 'skipCRDs: true'
        Sync | Out-Null
        Add-Dependent kid
        Write-OptsProfile -Release kids -Action Uninstall -Options "skipCRDs: true`nuninstallOptions:`n  deletionPropagation: orphan"
        Sync | Out-Null
        Get-Live $fleet c1 configmap kids-settings -Namespace apps | Should -BeNullOrEmpty
        $kid = Get-Live $fleet c1 configmap kid -Namespace apps
        $kid | Should -Not -BeNullOrEmpty
        $kid.metadata.PSObject.Properties.Name | Should -Not -Contain 'ownerReferences'

        Write-OptsProfile -Release kids -Options 'skipCRDs: true'
        Sync | Out-Null
        Add-Dependent kid2
        Write-OptsProfile -Release kids -Action Uninstall -Options 'skipCRDs: true'
        Sync | Out-Null
        Get-Live $fleet c1 configmap kid2 -Namespace apps | Should -BeNullOrEmpty
    }
}

Describe 'upgradeOptions.subNotes' {
    It 'the release notes include the subcharts'' NOTES.txt; without it only the chart''s own' {
        $chart = Join-Path $TestDrive 'src/noted'
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: noted`nversion: 0.1.0`ndependencies:`n  - {name: child, version: 0.1.0}`n"
        Write-ChartFile $chart 'templates/NOTES.txt' 'parent notes'
        Write-ChartFile $chart 'templates/cm.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: '{{ .Release.Name }}-noted'}`n"
        Write-ChartFile $chart 'charts/child/Chart.yaml' "apiVersion: v2`nname: child`nversion: 0.1.0`n"
        Write-ChartFile $chart 'charts/child/templates/NOTES.txt' 'child notes'
        Publish-HelmChart $chart -Repository $repoRoot | Out-Null
        foreach ($release in 'plain', 'subbed') {
            $options = if ($release -eq 'subbed') { "      options: {upgradeOptions: {subNotes: true}}" } else { '' }
            Set-Content (Join-Path $fleet.Path "profiles/$release.yaml") @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata: {name: $release}
spec:
  clusterSelector: {matchLabels: {env: prod}}
  helmCharts:
    - repositoryURL: '$($repo.Url)'
      repositoryName: demo
      chartName: demo/noted
      chartVersion: 0.1.0
      releaseName: $release
      releaseNamespace: apps
$options
"@
        }
        Sync | Out-Null
        $notes = foreach ($release in 'plain', 'subbed') {
            $secret = kubectl --kubeconfig $fleet.Kubeconfig --context c1 get secret "sh.helm.release.v1.$release.v1" -n apps -o json | ConvertFrom-Json
            $helm = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.release))
            $gzip = [IO.Compression.GZipStream]::new([IO.MemoryStream]::new([Convert]::FromBase64String($helm)), [IO.Compression.CompressionMode]::Decompress)
            ([IO.StreamReader]::new($gzip).ReadToEnd() | ConvertFrom-Json).info.notes
        }
        $notes[0] | Should -Be 'parent notes'
        $notes[1] | Should -Be "child notes`nparent notes"
    }
}

Describe 'dependencyUpdate' {
    It 'a chart folder whose dependency is not in charts/ is refused, and rendered with -DependencyUpdate (fetched from its repository)' {
        $leaf = Join-Path $TestDrive 'src/leaf'
        Write-ChartFile $leaf 'Chart.yaml' "apiVersion: v2`nname: leaf`nversion: 1.2.0`n"
        Write-ChartFile $leaf 'templates/cm.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: leaf}`ndata: {from: '{{ .Chart.Name }}-{{ .Chart.Version }}'}`n"
        Publish-HelmChart $leaf -Repository $repoRoot | Out-Null
        $trunk = Join-Path $TestDrive 'src/trunk'
        Write-ChartFile $trunk 'Chart.yaml' "apiVersion: v2`nname: trunk`nversion: 0.1.0`ndependencies:`n  - {name: leaf, version: ^1.0.0, repository: '$($repo.Url)'}`n"
        Write-ChartFile $trunk 'templates/cm.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: trunk}`n"

        { Expand-HelmChart $trunk -ErrorAction Stop } | Should -Throw '*missing in charts/ directory: leaf*'
        $out = (Expand-HelmChart $trunk -DependencyUpdate) -join "`n"
        $out | Should -Match '(?m)^# Source: trunk/charts/leaf/templates/cm.yaml$'
        $out | Should -Match "from: 'leaf-1.2.0'|from: leaf-1.2.0"
    }

    It 'a dependency in a repository of helm''s own configuration (@name) is a clear error' {
        $odd = Join-Path $TestDrive 'src/odd'
        Write-ChartFile $odd 'Chart.yaml' "apiVersion: v2`nname: odd`nversion: 0.1.0`ndependencies:`n  - {name: leaf, version: 1.2.0, repository: '@stable'}`n"
        { Expand-HelmChart $odd -DependencyUpdate -ErrorAction Stop } | Should -Throw "*dependency 'leaf' is missing in charts/ and cannot be fetched: repository '@stable' names a repository of helm's own configuration*"
    }
}
