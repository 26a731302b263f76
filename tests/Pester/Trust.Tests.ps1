# Issue 14, "Trust first": one Describe per reported fault, each written to fail on the code that had it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:WebContent = Get-WebAddOn
}

# --- 1. A sync from a fleet that cannot see a profile never withdraws it ---
Describe 'Trust 1: a sync withdraws only what its own fleet removed on purpose' {
    BeforeAll {
        $script:sim = Start-TestKubeSim -Clusters c1, c2
        $script:kc = $sim.KubeconfigPath
        $script:mgmt = @{ ManagementContext = 'mgmt'; Kubeconfig = $kc }
        foreach ($name in 'c1', 'c2') {
            Register-SveltosCluster -Name $name -Namespace fleet -Label @{ env = 'prod' } @mgmt -Confirm:$false | Out-Null
        }
        @'
apiVersion: v1
kind: ConfigMap
metadata: {name: web-content, namespace: fleet}
data:
  objects.yaml: |
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-a, namespace: default}
    data: {a: '1'}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-b, namespace: default}
    data: {b: '2'}
'@ | kubectl --kubeconfig $kc --context mgmt apply -f - | Out-Null

        function Publish-Web {
            New-ClusterProfile -Name web -ClusterSelector env=prod -PolicyRef @{ kind = 'ConfigMap'; name = 'web-content'; namespace = 'fleet' } |
                Save-ClusterProfile @mgmt -Confirm:$false
            Invoke-ProfileSync @mgmt | Out-Null
        }
        function Get-WebObjects {
            foreach ($name in 'c1', 'c2') {
                kubectl --kubeconfig $kc --context $name get configmap web-a web-b -n default -o name --ignore-not-found
            }
        }
        Publish-Web
        if (@(Get-WebObjects).Count -ne 4) { throw 'the web profile did not deploy its two objects to both clusters' }
    }
    AfterAll { Stop-KubeSim $sim }

    It 'refuses to sync from bare kubeconfig contexts in a new session, and deletes nothing' {
        $output = Invoke-FreshPwsh @"
Import-Module '$env:SVELTOS_MODULE'
`$env:KUBECONFIG = '$kc'
try { Invoke-ProfileSync -Summary -ErrorAction Stop | Out-String } catch { 'error: ' + `$_.FullyQualifiedErrorId }
"@
        $output | Should -Contain 'error: FleetNotConnected,Sveltos.Commands.InvokeProfileSyncCommand'
        Get-WebObjects | Should -HaveCount 4
    }

    It 'leaves another fleet''s deployments alone, and will not deploy a profile of the same name over them' {
        $other = Join-Path ([IO.Path]::GetTempPath()) "sveltos-other-$([guid]::NewGuid())"
        New-Item -ItemType Directory $other | Out-Null
        try {
            foreach ($name in 'c1', 'c2') { Register-SveltosCluster -Name $name -Namespace fleet -Label @{ env = 'prod' } -FleetPath $other -Kubeconfig $kc | Out-Null }
            Test-Path (Join-Path $other fleet.yaml) | Should -BeTrue

            $summary = Invoke-ProfileSync -FleetPath $other -Kubeconfig $kc -Summary -Verbose 4>&1
            ($summary | Where-Object { $_ -is [Sveltos.SyncSummary] }) | Should -BeNullOrEmpty
            ($summary | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match "ClusterProfile/web belongs to fleet 'mgmt-"
            Get-WebObjects | Should -HaveCount 4

            Write-FleetContent $other web "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: web-a, namespace: default}`ndata: {a: other}"
            Write-FleetProfile $other web '{env: prod}' web
            $null = Invoke-ProfileSync -FleetPath $other -Kubeconfig $kc -ErrorVariable conflicts -ErrorAction SilentlyContinue
            $conflicts | Should -HaveCount 2
            $conflicts[0].FullyQualifiedErrorId | Should -BeLike 'FleetConflict,*'
            "$($conflicts[0])" | Should -Match "ClusterProfile/web is deployed there by fleet 'mgmt-"
            (kubectl --kubeconfig $kc --context c1 get configmap web-a -n default -o jsonpath='{.data.a}') | Should -Be '1'
            Get-WebObjects | Should -HaveCount 4
        }
        finally { Remove-Item $other -Recurse -Force -ErrorAction Ignore }
    }

    It 'refuses to sync from a folder that holds no fleet identity: an empty folder, or a fleet without fleet.yaml' {
        $empty = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "sveltos-empty-$([guid]::NewGuid())")).FullName
        try {
            { Invoke-ProfileSync -FleetPath $empty -Kubeconfig $kc -ErrorAction Stop } | Should -Throw -ErrorId 'FleetIdentityMissing,*'
            { Invoke-ProfileSync -FleetPath (Join-Path $empty typo) -Kubeconfig $kc -ErrorAction Stop } | Should -Throw -ErrorId 'FleetDirectoryNotFound,*'
        }
        finally { Remove-Item $empty -Recurse -Force -ErrorAction Ignore }
        Get-WebObjects | Should -HaveCount 4
    }

    It 'holds back withdrawing a profile that vanished from the fleet, shows what it would delete, and withdraws it with -Force' {
        kubectl --kubeconfig $kc --context mgmt delete clusterprofile web | Out-Null
        $thrown = $null
        try { Invoke-ProfileSync @mgmt -OutVariable planned | Out-Null } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'WithdrawalNeedsForce,*'
        "$thrown" | Should -Match 'ClusterProfile/web is no longer in the fleet and was not removed with Remove-ClusterProfile'
        ($planned | Where-Object Action -EQ 'WouldDelete') | Should -HaveCount 4
        Get-WebObjects | Should -HaveCount 4

        $withdrawn = Invoke-ProfileSync @mgmt -Force -Summary
        $withdrawn.Status | Should -Be 'Withdrawn', 'Withdrawn'
        Get-WebObjects | Should -BeNullOrEmpty
    }

    It 'withdraws a profile removed with Remove-ClusterProfile without asking' {
        Publish-Web
        Get-WebObjects | Should -HaveCount 4
        Remove-ClusterProfile web @mgmt -Confirm:$false
        (kubectl --kubeconfig $kc --context mgmt get configmap sveltos-fleet -n projectsveltos -o jsonpath='{.data.removedProfiles}') | Should -Be 'ClusterProfile/web'
        (Invoke-ProfileSync @mgmt -Summary).Status | Should -Be 'Withdrawn', 'Withdrawn'
        Get-WebObjects | Should -BeNullOrEmpty
    }

    It 'holds back a profile edit that would withdraw it from every cluster it is on' {
        Publish-Web
        New-ClusterProfile -Name web -ClusterSelector env=prd -PolicyRef @{ kind = 'ConfigMap'; name = 'web-content'; namespace = 'fleet' } |
            Save-ClusterProfile @mgmt -Confirm:$false
        { Invoke-ProfileSync @mgmt -ErrorAction Stop } | Should -Throw -ErrorId 'WithdrawalNeedsForce,*'
        Get-WebObjects | Should -HaveCount 4
        $preview = Invoke-ProfileSync @mgmt -WhatIf -WarningVariable warned -WarningAction SilentlyContinue
        ($preview | Where-Object Action -EQ 'WouldDelete') | Should -HaveCount 4
        "$warned" | Should -Match 'would no longer select any of the 2 deployments'
    }
}

# --- 2. Content the module does not deploy is an error, never "deployed" ---
Describe 'Trust 2: a profile with content the module cannot deploy fails on each cluster and keeps what it deployed' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        Write-FleetContent $fleet.Path web $WebContent
        Write-FleetProfile $fleet.Path web '{env: prod}' web
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        Write-FleetProfile $fleet.Path web '{env: prod}' web @'
  helmCharts:
  - repositoryURL: https://kyverno.github.io/kyverno/
    repositoryName: kyverno
    chartName: kyverno/kyverno
    chartVersion: v3.2.5
    releaseName: kyverno-latest
    releaseNamespace: kyverno
'@
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'reports NotSupported per cluster naming the profile and field, fails the pair, and withdraws nothing' {
        $summary = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Summary -ErrorVariable failures -ErrorAction SilentlyContinue
        $? | Should -BeFalse
        $summary.Status | Should -Be 'Failed', 'Failed'
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | Should -BeLike 'NotSupported,*'
        ($failures | ForEach-Object { "$_" }) -join "`n" | Should -Match "Cluster 'fleet/c1': ClusterProfile/web spec.helmCharts\[0\]"
        ($failures | ForEach-Object { "$_" }) -join "`n" | Should -Match "Cluster 'fleet/c2'"
        foreach ($cluster in 'c1', 'c2') { Get-Live $fleet $cluster configmap settings | Should -Not -BeNullOrEmpty }
    }

    It 'shows Failed with the reason in Get-ClusterSummary, not Provisioned' {
        $records = Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object Profile -EQ 'ClusterProfile/web'
        $records.Status | Should -Be 'Failed', 'Failed'
        $records[0].Message | Should -Match 'spec.helmCharts\[0\]'
        $records[0].Objects | Should -HaveCount 3
    }
}

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
Describe '4. Sveltos Go templates run unchanged' {
    BeforeAll {
        $script:goFleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        $script:templated = @{ 'projectsveltos.io/template' = 'ok' }
        $script:scriban = @{ 'projectsveltos.io/template' = 'ok'; 'pwsh.projectsveltos.io/template-language' = 'scriban' }
        function Sync-GoFleet([string] $Name) {
            Invoke-ProfileSync -Name $Name -FleetPath $goFleet.Path -Kubeconfig $goFleet.Kubeconfig -ErrorVariable syncErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
            $syncErrors
        }
    }
    AfterAll { Remove-TestFleet $goFleet }

    It 'deploys content annotated only projectsveltos.io/template that uses Sprig (randAlphaNum | lower, upper) on every cluster' {
        Write-FleetContent $goFleet.Path go-sprig -Annotations $templated @'
apiVersion: v1
kind: ConfigMap
metadata: {name: sprig, namespace: default}
data:
  token: '{{ randAlphaNum 8 | lower }}'
  shout: '{{ upper "abc" }}'
'@
        Write-FleetProfile $goFleet.Path go-sprig '{env: prod}' go-sprig
        Sync-GoFleet go-sprig | Should -BeNullOrEmpty
        foreach ($cluster in 'c1', 'c2') {
            $live = Get-Live $goFleet $cluster configmap sprig default
            $live.data.token | Should -MatchExactly '^[a-z0-9]{8}$'
            $live.data.shout | Should -BeExactly 'ABC'
        }
        (Get-Live $goFleet c1 configmap sprig default).data.token | Should -Not -Be (Get-Live $goFleet c2 configmap sprig default).data.token
    }

    It 'renders each content in its own language: Go by default, Scriban only where the content asks for it' {
        # '{{ upper "abc" }}' is also valid Scriban syntax; it is Go here because nothing asks for Scriban.
        Write-FleetContent $goFleet.Path both-go -Annotations $templated "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: both-go, namespace: default}`ndata: {shout: '{{ upper `"abc`" }}'}"
        Write-FleetContent $goFleet.Path both-scriban -Annotations $scriban "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: both-scriban, namespace: default}`ndata: {cluster: '{{ cluster_name | string.upcase }}', tier: '{{ cluster.metadata.labels.zone ?? `"none`" }}'}"
        Write-FleetProfile $goFleet.Path both '{env: prod}' both-go, both-scriban
        Sync-GoFleet both | Should -BeNullOrEmpty
        (Get-Live $goFleet c1 configmap both-go default).data.shout | Should -BeExactly 'ABC'
        (Get-Live $goFleet c2 configmap both-scriban default).data.cluster | Should -BeExactly 'C2'
        (Get-Live $goFleet c2 configmap both-scriban default).data.tier | Should -Be 'none'
    }

    It 'fails Scriban written without the annotation as a Go template, naming the ConfigMap and key, and never runs it as Scriban' {
        Write-FleetContent $goFleet.Path plain-scriban -Annotations $templated "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: plain-scriban, namespace: default}`ndata: {cluster: '{{ cluster_name }}'}"
        Write-FleetProfile $goFleet.Path plain-scriban '{env: prod}' plain-scriban
        $errors = Sync-GoFleet plain-scriban
        @($errors).Count | Should -Be 2 -Because 'each cluster reports its own error'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TemplateSyntaxError,*'
        $errors[0].Exception.Message | Should -Match "ConfigMap fleet/plain-scriban key 'manifests.yaml' \(\d+,\d+\): function `"cluster_name`" not defined"
        $errors[0].Exception.Message | Should -Match 'valid Scriban.*pwsh\.projectsveltos\.io/template-language: scriban'
        Get-Live $goFleet c1 configmap plain-scriban default | Should -BeNullOrEmpty
        Get-Live $goFleet c2 configmap plain-scriban default | Should -BeNullOrEmpty
    }

    It 'renders a templated policyRef name as a Go template' {
        Write-FleetContent $goFleet.Path named-web "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: named, namespace: default}`ndata: {from: named-web}"
        Write-FleetProfile $goFleet.Path named '{env: prod}' "'{{ lower ""NAMED"" }}-web'"
        Sync-GoFleet named | Should -BeNullOrEmpty
        (Get-Live $goFleet c1 configmap named default).data.from | Should -Be 'named-web'
    }
}


# --- 5. A sync converges live state ---
Describe 'Trust 5: a sync converges the cluster to the profile, as kubectl apply would' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        $script:sync = @{ FleetPath = $fleet.Path; Kubeconfig = $fleet.Kubeconfig }
        Write-FleetContent $fleet.Path platform @'
apiVersion: v1
kind: Namespace
metadata: {name: platform, labels: {team: platform}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: platform-info, namespace: platform}
data: {region: eu, tuned: 'off'}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: hands-off, namespace: platform}
data: {mode: managed}
'@
        Write-FleetProfile $fleet.Path platform '{env: prod}' platform "  syncMode: ContinuousWithDriftDetection`n  driftExclusions:`n  - paths: [/data/tuned]`n    target: {kind: ConfigMap, name: platform-info}"
        Write-FleetContent $fleet.Path plain "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: plain, namespace: default}`ndata: {a: '1'}"
        Write-FleetProfile $fleet.Path plain '{env: prod}' plain
        Invoke-ProfileSync @sync | Out-Null
        function Invoke-C1 { $output = kubectl --kubeconfig $fleet.Kubeconfig --context c1 @args 2>&1; if ($LASTEXITCODE) { throw "kubectl $args : $output" }; $output }
        function Get-Writes { $c = Get-KubeSimCounter c1; $c.create + $c.update + $c.patch + $c.apply + $c.delete }
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'restores objects deleted by hand, for Continuous and ContinuousWithDriftDetection profiles' {
        Invoke-C1 delete configmap platform-info -n platform | Out-Null
        Invoke-C1 delete configmap plain -n default | Out-Null
        $results = Invoke-ProfileSync @sync | Where-Object Action -NE 'Unchanged'
        $results | ForEach-Object { "$($_.Profile) $($_.Name) $($_.Action)" } | Sort-Object | Should -Be 'ClusterProfile/plain plain Created', 'ClusterProfile/platform platform-info Created'
        ($results | Where-Object Name -EQ 'plain').Message | Should -Be 'deleted out of band; restored'
        (Invoke-C1 get configmap platform-info -n platform -o jsonpath='{.data.region}') | Should -Be 'eu'
        (Invoke-C1 get configmap plain -n default -o jsonpath='{.data.a}') | Should -Be '1'
    }

    It 'restores a field it declares that was edited by hand' {
        Invoke-C1 patch configmap platform-info -n platform --type merge -p '{"data":{"region":"us"}}' | Out-Null
        $result = Invoke-ProfileSync @sync | Where-Object Action -NE 'Unchanged'
        "$($result.Name) $($result.Action) $($result.Message)" | Should -Be 'platform-info Updated changed out of band; restored'
        (Invoke-C1 get configmap platform-info -n platform -o jsonpath='{.data.region}') | Should -Be 'eu'
    }

    It 'leaves a driftExclusions path and an object marked driftDetectionIgnore as they were changed' {
        Invoke-C1 patch configmap platform-info -n platform --type merge -p '{"data":{"tuned":"on"}}' | Out-Null
        Invoke-C1 annotate configmap hands-off -n platform projectsveltos.io/driftDetectionIgnore=ok | Out-Null
        Invoke-C1 patch configmap hands-off -n platform --type merge -p '{"data":{"mode":"manual"}}' | Out-Null
        Invoke-ProfileSync @sync | Where-Object Action -NE 'Unchanged' | Should -BeNullOrEmpty
        (Invoke-C1 get configmap platform-info -n platform -o jsonpath='{.data.tuned}') | Should -Be 'on'
        (Invoke-C1 get configmap hands-off -n platform -o jsonpath='{.data.mode}') | Should -Be 'manual'
    }

    It 'sends no write, and one LIST per kind, when nothing differs' {
        Get-KubeSimCounter -Reset | Out-Null
        (Invoke-ProfileSync @sync -Summary).Status | Should -Be 'Unchanged', 'Unchanged'
        $counters = Get-KubeSimCounter c1
        Get-Writes | Should -Be 0
        $counters.get | Should -Be 0
        # The records, then Namespace and ConfigMap once each.
        $counters.list | Should -Be 3
    }
}

# --- 6. Drift that is reported is repaired ---
Describe 'Trust 6: what is reported as drift is repaired, and what the profile does not declare is not drift' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        $script:sync = @{ FleetPath = $fleet.Path; Kubeconfig = $fleet.Kubeconfig }
        Write-FleetContent $fleet.Path platform "apiVersion: v1`nkind: Namespace`nmetadata: {name: platform, labels: {team: platform}}"
        Write-FleetProfile $fleet.Path platform '{env: prod}' platform
        Invoke-ProfileSync @sync | Out-Null
        function Invoke-C1 { $output = kubectl --kubeconfig $fleet.Kubeconfig --context c1 @args 2>&1; if ($LASTEXITCODE) { throw "kubectl $args : $output" }; $output }
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'does not call a label added by hand drift, and no remediation claims to have removed it' {
        Invoke-C1 label namespace platform owner=someone | Out-Null
        Test-Drift @sync | Should -BeNullOrEmpty
        Test-Drift @sync -Quiet | Should -BeFalse
        Watch-Drift @sync -Remediate -Timeout 2 | Should -BeNullOrEmpty
        Invoke-ProfileSync @sync | Where-Object Action -NE 'Unchanged' | Should -BeNullOrEmpty
        (Invoke-C1 get namespace platform -o jsonpath='{.metadata.labels.owner}') | Should -Be 'someone'
    }

    It 'reports a declared label changed by hand with a diff that shows it, and remediation restores it' {
        Invoke-C1 label namespace platform team=other --overwrite | Out-Null
        $drift = Test-Drift @sync
        "$($drift.Name) $($drift.Change)" | Should -Be 'platform Modified'
        $drift.Diff | Should -Match '(?m)^-\s+team: other$'
        $drift.Diff | Should -Match '(?m)^\+\s+team: platform$'
        $events = Watch-Drift @sync -Remediate -MaxEvents 1 -Timeout 30
        ($events | Where-Object Status -EQ 'Remediated').Action | Should -Be 'Updated'
        (Invoke-C1 get namespace platform -o jsonpath='{.metadata.labels.team}') | Should -Be 'platform'
        Test-Drift @sync -Quiet | Should -BeFalse
    }
}

# --- 7. The first hour: names, completion, registration, help, views ---

# --- 8. Secret values never leave the module ---
Describe '8. Secret values never leave the module' {
    BeforeAll {
        $script:secretFleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        $script:sentinels = 'SENTINEL-PW-1', 'SENTINEL-PW-2', 'SENTINEL-PW-3'
        $script:fleetArgs = @{ FleetPath = $secretFleet.Path; Kubeconfig = $secretFleet.Kubeconfig }

        function ConvertTo-Base64([string] $Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }

        function Write-DbContent {
            # The same Secret twice: written as stringData in a ConfigMap, and as data in content held in a Secret.
            param([string] $Password, [string] $SecretManifest)
            Write-FleetContent $secretFleet.Path db-cm "apiVersion: v1`nkind: Secret`nmetadata: {name: db-from-cm, namespace: default}`ntype: Opaque`nstringData: {password: $Password, user: app}"
            if (-not $SecretManifest) {
                $SecretManifest = "apiVersion: v1`nkind: Secret`nmetadata: {name: db-from-secret, namespace: default}`ntype: Opaque`ndata: {password: $(ConvertTo-Base64 $Password), user: $(ConvertTo-Base64 app)}"
            }
            $indented = ($SecretManifest -split "`n" | ForEach-Object { "    $_" }) -join "`n"
            Set-Content (Join-Path $secretFleet.Path 'content/db-sec.yaml') "apiVersion: v1`nkind: Secret`nmetadata:`n  name: db-sec`n  namespace: fleet`n  annotations: {projectsveltos.io/template: ok}`ntype: addons.projectsveltos.io/cluster-profile`nstringData:`n  manifests.yaml: |`n$indented`n"
        }

        function Write-DbProfile([string] $SyncMode = 'Continuous') {
            New-Item -ItemType Directory -Force (Join-Path $secretFleet.Path 'profiles') | Out-Null
            Set-Content (Join-Path $secretFleet.Path 'profiles/db.yaml') "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata:`n  name: db`nspec:`n  syncMode: $SyncMode`n  clusterSelector:`n    matchLabels: {env: prod}`n  policyRefs:`n  - {kind: ConfigMap, name: db-cm}`n  - {kind: Secret, name: db-sec}`n"
        }

        function Get-Everything {
            # Every stream of a command, as text: each record as PowerShell shows it, as Format-List *, and the output objects as JSON.
            param([scriptblock] $Command)
            $records = @(& $Command *>&1)
            $text = [Text.StringBuilder]::new()
            foreach ($record in $records) {
                [void]$text.AppendLine("$record").AppendLine(($record | Out-String -Width 2000)).AppendLine(($record | Format-List * -Force | Out-String -Width 2000))
                if ($record -is [Management.Automation.ErrorRecord]) { [void]$text.AppendLine($record.Exception.ToString()).AppendLine("$($record.TargetObject)") }
            }
            $objects = @($records | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] -and $_ -isnot [Management.Automation.InformationalRecord] -and $_ -isnot [Management.Automation.InformationRecord] })
            if ($objects.Count -gt 0) { [void]$text.AppendLine(($objects | ConvertTo-Json -Depth 10)) }
            [pscustomobject]@{ Objects = $objects; Errors = @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] }); Text = $text.ToString() }
        }

        function Assert-NoSecretValue([string] $Text) {
            $Text | Should -Not -BeNullOrEmpty
            foreach ($value in $sentinels) {
                $Text.Contains($value) | Should -BeFalse -Because "the Secret value $value must not appear"
                $Text.Contains((ConvertTo-Base64 $value)) | Should -BeFalse -Because "the base64 of $value must not appear"
            }
        }

        function Get-LivePassword([string] $Name) {
            $secret = Get-Live $secretFleet c1 secret $Name default
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.password))
        }

        Write-DbContent 'SENTINEL-PW-1'
        Write-DbProfile
        Invoke-ProfileSync -Name db @fleetArgs | Out-Null
    }
    AfterAll { Remove-TestFleet $secretFleet }

    It 'shows a -WhatIf change of both Secrets as the changed key, in no stream, format or JSON a value' {
        Write-DbContent 'SENTINEL-PW-2'
        $run = Get-Everything { Invoke-ProfileSync -Name db @fleetArgs -WhatIf -Verbose }
        $secrets = @($run.Objects | Where-Object Kind -EQ 'Secret')
        $secrets.Name | Sort-Object | Should -Be 'db-from-cm', 'db-from-secret'
        foreach ($result in $secrets) {
            $result.Diff | Should -Match '(?m)^-\s+password: \(old value\)$'
            $result.Diff | Should -Match '(?m)^\+\s+password: \(value changed\)$'
            $result.Diff | Should -Match '(?m)^ \s+user: \(unchanged\)$' -Because 'a stringData key with the value data holds is not a new value'
        }
        Assert-NoSecretValue $run.Text
        Get-LivePassword db-from-cm | Should -BeExactly 'SENTINEL-PW-1' -Because '-WhatIf changes nothing'
    }

    It 'shows a DryRun profile the same way' {
        Write-DbProfile DryRun
        try {
            $run = Get-Everything { Invoke-ProfileSync -Name db @fleetArgs -Verbose }
            @($run.Objects | Where-Object { $_.Kind -eq 'Secret' -and $_.Diff -match '(?m)^\+\s+password: \(value changed\)$' }).Count | Should -Be 2
            Assert-NoSecretValue $run.Text
        }
        finally { Write-DbProfile }
    }

    It 'previews the Secrets with Expand-ClusterProfile by their keys, each value (redacted)' {
        $run = Get-Everything { Expand-ClusterProfile -Name db @fleetArgs -Verbose }
        $rendered = @($run.Objects | Where-Object Kind -EQ 'Secret')
        $rendered.Count | Should -Be 2
        $rendered.Yaml | ForEach-Object { $_ | Should -Match '(?m)^  password: \(redacted\)$' }
        Assert-NoSecretValue $run.Text
    }

    It 'reports a Secret changed with kubectl (Test-Drift, Watch-Drift -Remediate) by the changed key, never a value' {
        Invoke-ProfileSync -Name db @fleetArgs | Out-Null
        "apiVersion: v1`nkind: Secret`nmetadata: {name: db-from-cm, namespace: default}`ntype: Opaque`nstringData: {password: SENTINEL-PW-3, user: app}" |
            kubectl --kubeconfig $secretFleet.Kubeconfig --context c1 apply -f - 2>&1 | Out-Null
        (Get-Live $secretFleet c1 secret db-from-cm default).metadata.annotations.'kubectl.kubernetes.io/last-applied-configuration' | Should -Not -BeNullOrEmpty

        $check = Get-Everything { Test-Drift -Profile db @fleetArgs -Verbose }
        $finding = @($check.Objects | Where-Object Name -EQ 'db-from-cm')
        $finding.Count | Should -Be 1
        $finding[0].Change | Should -Be 'Modified'
        $finding[0].Diff | Should -Match '(?m)^-\s+password: \(old value\)$'
        $finding[0].Diff | Should -Match '(?m)^\+\s+password: \(value changed\)$'
        Assert-NoSecretValue $check.Text

        $watch = Get-Everything { Watch-Drift -Profile db -Remediate -MaxEvents 2 -Timeout 20 @fleetArgs -Verbose }
        ($watch.Objects | Where-Object Name -EQ 'db-from-cm').Status | Should -Be 'Drifted', 'Remediated'
        Assert-NoSecretValue $watch.Text
        Get-LivePassword db-from-cm | Should -BeExactly 'SENTINEL-PW-2'
    }

    It 'quotes none of the content held in a Secret in an error, in the session or as a CI annotation' {
        Write-DbContent 'SENTINEL-PW-2' "apiVersion: v1`nkind: Secret`nmetadata: {name: db-from-secret, namespace: default}`ntype: Opaque`nstringData:`n  password: '{{ mustToDate `"2006-01-02`" (print `"SENTINEL-PW-2`" .Cluster.metadata.name) }}'"
        $run = Get-Everything { Invoke-ProfileSync -Name db @fleetArgs -Verbose -ErrorAction Continue }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].Exception.Message | Should -Match "Secret fleet/db-sec key 'manifests.yaml' \(6,\d+\): .*withheld because the content is held in a Secret"
        Assert-NoSecretValue $run.Text

        $ci = Invoke-FreshPwsh "`$env:GITHUB_ACTIONS = 'true'; Import-Module '$env:SVELTOS_MODULE'; Invoke-ProfileSync -Name db -FleetPath '$($secretFleet.Path)' -Kubeconfig '$($secretFleet.Kubeconfig)' -Verbose; exit 0"
        # The host wraps the message and colours it: compare it as one line of plain words.
        (($ci -join ' ') -replace '\x1b\[[0-9;]*m', '' -replace '[\s|]+', ' ') | Should -Match 'the details are withheld because the content is held in a Secret'
        Assert-NoSecretValue ($ci -join "`n")
    }
}


# --- 9. An interrupted sync leaves records that tell the truth ---
Describe 'Trust 9: an interrupted sync leaves records that tell the truth' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        $script:sync = @{ FleetPath = $fleet.Path; Kubeconfig = $fleet.Kubeconfig }
        function Write-Many([string] $Value) {
            $manifests = (1..12 | ForEach-Object { "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: many-$_, namespace: default}`ndata: {v: '$Value'}" }) -join "`n---`n"
            Write-FleetContent $fleet.Path many $manifests
        }
        function Get-Values { (kubectl --kubeconfig $fleet.Kubeconfig --context c1 get configmap -n default -l projectsveltos.io/reason -o json | ConvertFrom-Json).items | Where-Object { $_.metadata.name -like 'many-*' } }
        function Get-Record {
            $json = kubectl --kubeconfig $fleet.Kubeconfig --context c1 get configmap sveltos-clusterprofile-many -n projectsveltos -o jsonpath='{.data.record\.json}'
            $json | ConvertFrom-Json
        }
        Write-FleetProfile $fleet.Path many '{env: prod}' many
    }
    AfterAll {
        Set-KubeSimCluster c1 -LatencyMs 0 | Out-Null
        Remove-TestFleet $fleet
    }

    It 'after Ctrl+C mid-apply, records only what was applied and that the run was interrupted' {
        Write-Many 'one'
        Set-KubeSimCluster c1 -LatencyMs 150 | Out-Null
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($module, $path, $kubeconfig)
                Import-Module $module
                Invoke-ProfileSync -FleetPath $path -Kubeconfig $kubeconfig
            }).AddArgument($env:SVELTOS_MODULE).AddArgument($fleet.Path).AddArgument($fleet.Kubeconfig)
        $async = $ps.BeginInvoke()
        try {
            Wait-Until { @(Get-Values).Count -ge 3 } 30 | Out-Null
            $ps.Stop()
        }
        finally { $ps.Dispose() }
        Set-KubeSimCluster c1 -LatencyMs 0 | Out-Null

        $record = Get-Record
        $live = @(Get-Values).metadata.name
        $record.status | Should -Be 'Applying'
        $record.message | Should -Match '^interrupted after \d+ of 12 change\(s\); the next sync completes it$'
        $record.objects.Count | Should -BeLessThan 12
        # Every object that exists is listed; at most the one in flight is listed without existing.
        $live | Where-Object { $_ -notin $record.objects.name } | Should -BeNullOrEmpty
        @($record.objects.name | Where-Object { $_ -notin $live }).Count | Should -BeLessOrEqual 1

        (Invoke-ProfileSync @sync -Summary).Status | Should -Be 'Provisioned'
        @(Get-Values).Count | Should -Be 12
        Test-Drift @sync -Quiet -WarningVariable unchecked | Should -BeFalse
        $unchecked | Should -BeNullOrEmpty
    }

    It 'after the process is killed mid-update, a re-sync leaves records whose drift hashes match what is live' {
        Write-Many 'two'
        Set-KubeSimCluster c1 -LatencyMs 150 | Out-Null
        $script = Join-Path ([IO.Path]::GetTempPath()) "sveltos-kill-$([guid]::NewGuid()).ps1"
        Set-Content $script "Import-Module '$env:SVELTOS_MODULE'; Invoke-ProfileSync -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' | Out-Null"
        $pwsh = $env:SVELTOS_PWSH -split [IO.Path]::PathSeparator
        $process = Start-Process -FilePath $pwsh[0] -ArgumentList @($pwsh[1], '-NoProfile', '-NonInteractive', '-File', $script) -PassThru
        try {
            Wait-Until { @(Get-Values | Where-Object { $_.data.v -eq 'two' }).Count -ge 3 } 60 | Out-Null
            Stop-Process -Id $process.Id -Force
            $process.WaitForExit()
        }
        finally { Remove-Item $script -ErrorAction Ignore }
        Set-KubeSimCluster c1 -LatencyMs 0 | Out-Null
        @(Get-Values | Where-Object { $_.data.v -eq 'two' }).Count | Should -BeLessThan 12

        (Invoke-ProfileSync @sync -Summary).Status | Should -Be 'Provisioned'
        @(Get-Values | Where-Object { $_.data.v -eq 'two' }).Count | Should -Be 12
        Test-Drift @sync -Quiet -WarningVariable unchecked | Should -BeFalse
        $unchecked | Should -BeNullOrEmpty
        (Invoke-ProfileSync @sync -Summary).Status | Should -Be 'Unchanged'
    }
}

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
Describe 'Trust 11: retried requests are named in -Verbose and counted in the summary' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        Write-FleetContent $fleet.Path retried "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: retried, namespace: default}`ndata: {a: '1'}"
        Write-FleetProfile $fleet.Path retried '{env: prod}' retried
    }
    AfterAll {
        Set-KubeSimCluster c1 -FailNext 0 -RetryAfterSeconds 1 | Out-Null
        Remove-TestFleet $fleet
    }

    It 'names each retry (cluster, request, status, wait) and counts them' {
        Set-KubeSimCluster c1 -FailNext 2 -FailureCode 429 -RetryAfterSeconds 1 | Out-Null
        $output = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Summary -Verbose 4>&1
        $retries = @(($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Where-Object { $_ -match 'retrying' })
        $retries | Should -HaveCount 2
        $retries[0] | Should -Match "^Cluster 'c1': (GET|PATCH|POST|PUT|DELETE) /\S+ answered 429 Too Many Requests, as its Retry-After asks; retrying in 1\.0 s \(attempt 2 of 5\)\.$"
        $summary = $output | Where-Object { $_ -is [Sveltos.SyncSummary] }
        $summary.Status | Should -Be 'Provisioned'
        $summary.Retries | Should -Be 2
    }
}
