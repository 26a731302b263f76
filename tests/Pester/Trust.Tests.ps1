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

# --- 3. CI: a broken profile fails the job ---

# --- 4. Sveltos Go templates run unchanged ---

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
