# Issue 14, "Trust first": one Describe per reported fault, each written to fail on the code that had it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:WebContent = Get-WebAddOn
}

# --- 1. A sync from a fleet that cannot see a profile never withdraws it ---

# --- 2. Content the module does not deploy is an error, never "deployed" ---

Describe 'Unsupported fields are announced when a profile is written' {
    BeforeAll {
        $script:chartFile = Join-Path $TestDrive 'charts.yaml'
        Set-Content $chartFile @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: charts
spec:
  clusterSelector:
    matchLabels: {env: prod}
  reloader: true
  helmCharts:
    - {repositoryURL: https://kyverno.github.io/kyverno/, repositoryName: kyverno, chartName: kyverno/kyverno, chartVersion: v3.3.3, releaseName: kyverno, releaseNamespace: kyverno}
    - {repositoryURL: gitrepository://flux-system/flux-system/charts/app, releaseName: app, releaseNamespace: app}
'@
    }

    It 'Import-ClusterProfile warns once per field it will not deploy, naming file and field, and still returns the profile' {
        $profile = Import-ClusterProfile $chartFile -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $profile.Name | Should -Be 'charts'
        $warnings.Count | Should -Be 3
        $warnings[0].Message | Should -BeLike "*charts.yaml``[0``] spec.reloader: Restarting workloads when a ConfigMap or Secret they mount changes (reloader) is not supported*"
        $warnings[1].Message | Should -BeLike "*charts.yaml``[0``] spec.helmCharts``[0``]: Deploying a Helm chart is not supported by this version of the module, so a sync deploys nothing of ClusterProfile/charts*Remove spec.helmCharts``[0``] from the profile*"
        $warnings[2].Message | Should -BeLike '*spec.helmCharts`[1`]: Deploying a Helm chart*'
    }

    It 'New-ClusterProfile warns for each unsupported field it was given, and only for those' {
        New-ClusterProfile -Name plain -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; name = 'web' } -Tier 10 -WarningVariable plainWarnings | Out-Null
        $plainWarnings | Should -BeNullOrEmpty
        $profile = New-ClusterProfile -Name fluxy -ClusterSelector 'env=prod' -Reloader -PolicyRef @{ kind = 'GitRepository'; namespace = 'flux-system'; name = 'repo' } -WarningVariable warnings -WarningAction SilentlyContinue
        $profile.Name | Should -Be 'fluxy'
        $warnings.Message | Should -Be @(
            'ClusterProfile/fluxy spec.reloader: Restarting workloads when a ConfigMap or Secret they mount changes (reloader) is not supported by this version of the module, so a sync deploys nothing of ClusterProfile/fluxy to a cluster it matches and withdraws nothing of it there. Remove spec.reloader from the profile, or wait for a version of the module that supports it.'
            'ClusterProfile/fluxy spec.policyRefs[0].kind: Deploying content from a Flux GitRepository is not supported by this version of the module, so a sync deploys nothing of ClusterProfile/fluxy to a cluster it matches and withdraws nothing of it there. Remove spec.policyRefs[0].kind from the profile, or wait for a version of the module that supports it.'
        )
    }

    It 'Save-ClusterProfile warns and still saves the profile, which is valid Sveltos' {
        $fleetPath = Join-Path $TestDrive 'fleet-save'
        New-Item -ItemType Directory $fleetPath | Out-Null
        Import-ClusterProfile $chartFile -WarningAction SilentlyContinue |
            Save-ClusterProfile -FleetPath $fleetPath -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings.Message | Where-Object { $_ -like '*spec.helmCharts*' }).Count | Should -Be 2
        (Get-ClusterProfile -FleetPath $fleetPath -Name charts -WarningAction SilentlyContinue).Name | Should -Be 'charts'
    }
}

# --- 3. CI: a broken profile fails the job ---

# --- 4. Sveltos Go templates run unchanged ---

# --- 5. A sync converges live state ---

# --- 6. Drift that is reported is repaired ---

# --- 7. The first hour: names, completion, registration, help, views ---

# --- 8. Secret values never leave the module ---

# --- 9. An interrupted sync leaves records that tell the truth ---

# --- 10. Unknown fields are refused on every read ---

Describe 'Unknown fields are refused on every read' {
    BeforeAll {
        function Get-ErrorId($record) { $record.FullyQualifiedErrorId.Split(',')[0] }

        # spec.policyref (a typo of policyRefs) on line 8, column 3; spec.foo on line 9 of a profile that would deploy 'extra'.
        $script:typoYaml = @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: typo
spec:
  clusterSelector:
    matchLabels: {env: prod}
  policyref: [{kind: ConfigMap, name: extra}]
'@
        $script:fooYaml = @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: foo
spec:
  clusterSelector:
    matchLabels: {env: prod}
  policyRefs: [{kind: ConfigMap, name: extra}]
  foo: bar
'@
        $script:extraContent = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: extra`n  namespace: default`ndata:`n  a: b"
        $script:profilesDir = Join-Path $TestDrive 'profiles'
        New-Item -ItemType Directory $profilesDir | Out-Null
        Set-Content (Join-Path $profilesDir 'typo.yaml') $typoYaml
        Set-Content (Join-Path $profilesDir 'foo.yaml') $fooYaml

        function Get-Record($Kubeconfig, [string] $Cluster, [string] $Name) {
            kubectl --kubeconfig $Kubeconfig --context $Cluster get configmap "sveltos-clusterprofile-$Name" -n projectsveltos -o name --ignore-not-found 2>$null
        }
    }

    It 'Import-ClusterProfile refuses spec.policyref naming the file, line and column, and the field meant' {
        Push-Location $profilesDir
        try { $got = Import-ClusterProfile typo.yaml -ErrorVariable err -ErrorAction SilentlyContinue }
        finally { Pop-Location }
        $got | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        Get-ErrorId $err[0] | Should -Be 'UnknownProfileField'
        $err[0].Exception.Message | Should -BeLike "typo.yaml``[0``] spec.policyref: unknown field 'policyref' at line 8, column 3; did you mean 'policyRefs'? (valid fields: clusterSelector, clusterRefs, setRefs, syncMode, *)"
    }

    It 'Import-ClusterProfile refuses spec.foo listing the valid fields' {
        $null = Import-ClusterProfile (Join-Path $profilesDir 'foo.yaml') -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'UnknownProfileField'
        $err[0].Exception.Message | Should -Match "foo\.yaml\[0\] spec\.foo: unknown field 'foo' at line 9, column 3 \(valid fields: clusterSelector, .*policyRefs, .*extraAnnotations\)$"
    }

    It 'Import-ClusterProfile refuses them from a folder and from piped paths alike' {
        $fromFolder = Import-ClusterProfile $profilesDir -ErrorVariable folderErrors -ErrorAction SilentlyContinue
        $piped = Get-ChildItem $profilesDir -Filter *.yaml | Import-ClusterProfile -ErrorVariable pipedErrors -ErrorAction SilentlyContinue
        $fromFolder, $piped | Should -BeNullOrEmpty
        foreach ($errors in $folderErrors, $pipedErrors) {
            ($errors | ForEach-Object { Get-ErrorId $_ }) | Should -Be 'UnknownProfileField', 'UnknownProfileField'
            ($errors.Exception.Message -join "`n") | Should -Match "spec\.foo: unknown field 'foo'"
            ($errors.Exception.Message -join "`n") | Should -Match "spec\.policyref: unknown field 'policyref'"
        }
    }

    It 'points the CI annotation at the line and column of the unknown field' {
        $output = Invoke-FreshPwsh @"
`$env:GITHUB_ACTIONS = 'true'
Import-Module '$env:SVELTOS_MODULE'
Set-Location '$profilesDir'
`$null = Import-ClusterProfile typo.yaml -ErrorVariable e 2>`$null
exit 0
"@
        ($output -join "`n") | Should -Match "::error file=typo\.yaml,line=8,col=3::typo\.yaml\[0\] spec\.policyref: unknown field 'policyref'"
    }

    It 'Invoke-ProfileSync -Path refuses the file and syncs nothing' {
        $fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        try {
            Write-FleetContent $fleet.Path extra $extraContent
            { Invoke-ProfileSync -Path (Join-Path $profilesDir 'foo.yaml') -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig } |
                Should -Throw -ErrorId 'UnknownProfileField*' -ExpectedMessage "*spec.foo: unknown field 'foo' at line 9*"
            Get-Live $fleet c1 configmap extra default | Should -BeNullOrEmpty
            Get-Record $fleet.Kubeconfig c1 foo | Should -BeNullOrEmpty
        }
        finally { Remove-TestFleet $fleet }
    }

    It 'a fleet directory sync reports the profiles invalid, deploys nothing for them and writes no record for them on any cluster' {
        $fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        try {
            Write-FleetContent $fleet.Path web $WebContent
            Write-FleetContent $fleet.Path extra $extraContent
            Write-FleetProfile $fleet.Path web '{env: prod}' web
            Set-Content (Join-Path $fleet.Path 'profiles/typo.yaml') $typoYaml
            Set-Content (Join-Path $fleet.Path 'profiles/foo.yaml') $fooYaml

            $results = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -WarningVariable warnings -ErrorVariable errors -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

            foreach ($cluster in 'c1', 'c2') {
                Get-Record $fleet.Kubeconfig $cluster web | Should -Not -BeNullOrEmpty
                Get-Record $fleet.Kubeconfig $cluster typo | Should -BeNullOrEmpty
                Get-Record $fleet.Kubeconfig $cluster foo | Should -BeNullOrEmpty
                Get-Live $fleet $cluster configmap extra default | Should -BeNullOrEmpty
            }
            $results | Where-Object { $_.Profile -match 'typo|foo' } | Should -BeNullOrEmpty
            $reported = (@($warnings.Message) + @($errors.Exception.Message)) -join "`n"
            $reported | Should -Match "profiles/typo\.yaml\[0\] spec\.policyref: unknown field 'policyref' at line 8, column 3; did you mean 'policyRefs'\?"
            $reported | Should -Match "profiles/foo\.yaml\[0\] spec\.foo: unknown field 'foo' at line 9, column 3"
        }
        finally { Remove-TestFleet $fleet }
    }

    It 'a management-cluster sync refuses a ClusterProfile object holding an unknown field, as kubectl applied it' {
        $sim = Start-TestKubeSim -Clusters c1, c2
        $kc = $sim.KubeconfigPath
        try {
            $mgmt = @{ ManagementContext = 'mgmt'; Kubeconfig = $kc }
            foreach ($name in 'c1', 'c2') { Register-SveltosCluster -Name $name -Namespace fleet -Label @{ env = 'prod' } @mgmt | Out-Null }
            "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: extra`n  namespace: fleet`ndata:`n  content.yaml: |`n    $($extraContent -replace "`n", "`n    ")" |
                kubectl --kubeconfig $kc --context mgmt apply -f - | Out-Null
            # Saving a valid profile installs the module's ClusterProfile definition, which keeps unknown spec fields.
            New-ClusterProfile -Name valid -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; name = 'extra'; namespace = 'fleet' } -Tier 10 |
                Save-ClusterProfile @mgmt -Confirm:$false
            Remove-ClusterProfile -Name valid @mgmt -Confirm:$false
            $fooYaml | kubectl --kubeconfig $kc --context mgmt apply -f - | Out-Null
            (kubectl --kubeconfig $kc --context mgmt get clusterprofile foo -o json | ConvertFrom-Json).spec.foo | Should -Be 'bar'

            $null = Invoke-ProfileSync @mgmt -WarningVariable warnings -ErrorVariable errors -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

            foreach ($cluster in 'c1', 'c2') {
                kubectl --kubeconfig $kc --context $cluster get configmap extra -n default -o name --ignore-not-found 2>$null | Should -BeNullOrEmpty
                Get-Record $kc $cluster foo | Should -BeNullOrEmpty
            }
            ((@($warnings.Message) + @($errors.Exception.Message)) -join "`n") | Should -Match "ClusterProfile/foo.* spec\.foo: unknown field 'foo'"
        }
        finally { Stop-KubeSim $sim }
    }

    It 'Import-ClusterClassifier refuses an unknown classifier field the same way' {
        $file = Join-Path $TestDrive 'k8s.yaml'
        Set-Content $file "apiVersion: lib.projectsveltos.io/v1beta1`nkind: Classifier`nmetadata:`n  name: k8s`nspec:`n  classifierLabels: [{key: k8s, value: new}]`n  kubernetesVersionConstraint: [{comparison: Equal, version: 1.30.0}]"
        $got = Import-ClusterClassifier $file -ErrorVariable err -ErrorAction SilentlyContinue
        $got | Should -BeNullOrEmpty
        Get-ErrorId $err[0] | Should -Be 'UnknownClassifierField'
        $err[0].Exception.Message | Should -Match "k8s\.yaml\[0\] spec\.kubernetesVersionConstraint: unknown field 'kubernetesVersionConstraint' at line 7, column 3; did you mean 'kubernetesVersionConstraints'\?"
    }

    It 'a real Sveltos profile using current fields imports, a Flux-source chart and kubectl output included' {
        $file = Join-Path $TestDrive 'current.yaml'
        Set-Content $file @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: current
  uid: 0b3e2f8a-aaaa-bbbb-cccc-ddddeeeeffff
  resourceVersion: "1001"
  generation: 2
  creationTimestamp: "2025-06-01T10:00:00Z"
  finalizers: [clusterprofilefinalizer.projectsveltos.io]
  managedFields:
  - {manager: kubectl, operation: Update, fieldsType: FieldsV1, fieldsV1: {f:spec: {}}}
spec:
  clusterSelector:
    matchExpressions: [{key: env, operator: In, values: [prod]}]
  syncMode: ContinuousWithDriftDetection
  tier: 50
  continueOnConflict: true
  maxUpdate: 30%
  stopMatchingBehavior: LeavePolicies
  dependsOn: [cni]
  templateResourceRefs:
  - {identifier: Creds, resource: {apiVersion: v1, kind: Secret, name: creds}, optional: true}
  policyRefs:
  - {kind: ConfigMap, name: web, optional: true, deploymentType: Remote}
  helmCharts:
  - repositoryURL: gitrepository://flux-system/flux-system/charts/projectsveltos
    releaseName: projectsveltos
    releaseNamespace: projectsveltos
    valuesFrom: [{kind: Secret, name: values, optional: true}]
    options:
      skipSchemaValidation: true
      installOptions: {createNamespace: true, disableHooks: false}
      upgradeOptions: {upgradeCRDs: true, disableHooks: true}
      uninstallOptions: {keepHistory: true, disableHooks: true}
    registryCredentialsConfig:
      credentials: {name: regcred}
      ca: {name: registry-ca}
  kustomizationRefs:
  - {kind: GitRepository, namespace: flux-system, name: repo, path: ./apps, components: [../components/tls], optional: true}
  validateHealths:
  - {name: up, featureID: Resources, group: apps, version: v1, kind: Deployment, evaluateCEL: [{name: ready, rule: 'true'}]}
  preDeployChecks: [{name: sc, featureID: Resources, group: storage.k8s.io, version: v1, kind: StorageClass}]
  preDeleteChecks: [{name: pods, featureID: Resources, group: '', version: v1, kind: Pod}]
  postDeleteChecks: [{name: pvcs, featureID: Resources, group: '', version: v1, kind: PersistentVolumeClaim}]
  patches: [{patch: "- op: add", target: {kind: Deployment, labelSelector: app=web}}]
  patchesFrom: [{kind: ConfigMap, name: patches, optional: true}]
  driftExclusions: [{paths: [/spec/replicas], target: {kind: Deployment}}]
  maxConsecutiveFailures: 3
  extraLabels: {managed-by: sveltos}
status:
  matchingClusters: [{apiVersion: lib.projectsveltos.io/v1beta1, kind: SveltosCluster, name: c1, namespace: fleet}]
'@
        $profile = Import-ClusterProfile $file -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $profile.Name | Should -Be 'current'
    }
}

# --- 11. Retries are visible ---
