BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos

    $script:WebContent = Get-WebAddOn



    function Invoke-Sync {
        # Invoke-ProfileSync on a test fleet; common parameters (-WhatIf, -ErrorVariable ...) flow through.
        [CmdletBinding(SupportsShouldProcess)]
        param($Fleet, [string[]] $Name, [switch] $Summary, [switch] $Force)
        $arguments = @{ FleetPath = $Fleet.Path; Kubeconfig = $Fleet.Kubeconfig; Summary = $Summary; Force = $Force }
        if ($Name) { $arguments.Name = $Name }
        Invoke-ProfileSync @arguments
    }


    function Get-Writes {
        param([string] $Cluster)
        $c = Get-KubeSimCounter $Cluster
        $c.create + $c.update + $c.patch + $c.apply + $c.delete
    }
}

Describe 'The seed lifecycle: labels decide where add-ons go' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' }; c3 = @{ env = 'dev' } }
        Write-FleetContent $fleet.Path web $WebContent
        Write-FleetProfile $fleet.Path web '{env: prod}' web
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'deploys to every matching ready cluster, tracked as Sveltos tracks it (kubectl as witness)' {
        $results = Invoke-Sync $fleet
        ($results | Where-Object Cluster -EQ 'fleet/c1').Action | Should -Be 'Created', 'Created', 'Created'
        ($results | Where-Object Cluster -EQ 'fleet/c2').Action | Should -Be 'Created', 'Created', 'Created'
        $results | Where-Object Cluster -EQ 'fleet/c3' | Should -BeNullOrEmpty

        $deployment = Get-Live $fleet c1 deployment frontend
        $deployment.spec.replicas | Should -Be 2
        $deployment.metadata.annotations.'projectsveltos.io/owner-kind' | Should -Be 'ClusterProfile'
        $deployment.metadata.annotations.'projectsveltos.io/owner-name' | Should -Be 'web'
        $deployment.metadata.annotations.'projectsveltos.io/reference-name' | Should -Be 'web'
        $deployment.metadata.labels.'projectsveltos.io/reason' | Should -Be 'Resources'
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 wait --for=condition=Available deployment/frontend -n web --timeout=20s | Should -Match 'condition met'
        Get-Live $fleet c3 deployment frontend | Should -BeNullOrEmpty
    }

    It 'sends no writes and reports Unchanged when nothing changed' {
        Get-KubeSimCounter -Reset | Out-Null
        $summary = Invoke-Sync $fleet -Summary
        $summary.Status | Should -Be 'Unchanged', 'Unchanged'
        foreach ($cluster in 'c1', 'c2', 'c3') { Get-Writes $cluster | Should -Be 0 }
        (Get-KubeSimCounter c1).get | Should -Be 0
    }

    It 'deploys to a cluster once it is labelled to match' {
        Set-SveltosCluster c3 -Label @{ env = 'prod' } -FleetPath $fleet.Path
        $results = Invoke-Sync $fleet
        ($results | Where-Object Cluster -EQ 'fleet/c3').Action | Should -Be 'Created', 'Created', 'Created'
        (Get-Live $fleet c3 configmap settings).data.color | Should -Be 'blue'
    }

    It 'withdraws from a cluster whose label is removed, and only from it' {
        Set-SveltosCluster c2 -RemoveLabel env -FleetPath $fleet.Path
        $results = Invoke-Sync $fleet
        ($results | Where-Object Cluster -EQ 'fleet/c2').Action | Should -Be 'Deleted', 'Deleted', 'Deleted'
        Get-Live $fleet c2 configmap settings | Should -BeNullOrEmpty
        Get-Live $fleet c1 configmap settings | Should -Not -BeNullOrEmpty
        (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig).Cluster | Should -Be 'fleet/c1', 'fleet/c3'
    }

    It 'prunes an object the profile no longer produces' {
        Write-FleetContent $fleet.Path web ($WebContent -replace '(?s)---\s*apiVersion: v1\s*kind: ConfigMap.*$', '')
        $results = Invoke-Sync $fleet
        ($results | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Kind -eq 'ConfigMap' }).Action | Should -Be 'Deleted'
        Get-Live $fleet c1 configmap settings | Should -BeNullOrEmpty
        Get-Live $fleet c1 deployment frontend | Should -Not -BeNullOrEmpty
    }
}

Describe 'Ownership: LeavePolicies, tiers, conflicts and adoption' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        $shared = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: shared, namespace: default}`ndata: {from: PROFILE}"
        Write-FleetContent $fleet.Path first-content ($shared -replace 'PROFILE', 'first')
        Write-FleetContent $fleet.Path second-content ($shared -replace 'PROFILE', 'second')
        Write-FleetContent $fleet.Path low-content ($shared -replace 'PROFILE', 'low')
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'leaves objects in place, untracked, with LeavePolicies' {
        Write-FleetContent $fleet.Path keep "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: keep-me, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path keep '{env: prod}' keep "  stopMatchingBehavior: LeavePolicies"
        Invoke-Sync $fleet -Name keep | Out-Null
        Set-SveltosCluster c2 -Label @{ env = 'none' } -FleetPath $fleet.Path
        $results = Invoke-Sync $fleet -Name keep
        ($results | Where-Object Cluster -EQ 'fleet/c2').Action | Should -Be 'Released'
        $left = Get-Live $fleet c2 configmap keep-me -Namespace default
        $left.data.a | Should -Be 'b'
        $left.metadata.annotations.'projectsveltos.io/owner-name' | Should -BeNullOrEmpty
        Set-SveltosCluster c2 -Label @{ env = 'prod' } -FleetPath $fleet.Path
    }

    It 'reports Conflict for an equal tier and leaves the owner in place' {
        Write-FleetProfile $fleet.Path first '{env: prod}' first-content
        Invoke-Sync $fleet -Name first | Out-Null
        Write-FleetProfile $fleet.Path second '{env: prod}' second-content
        $results = Invoke-Sync $fleet -Name second -ErrorVariable conflicts -ErrorAction SilentlyContinue
        $results.Action | Should -Be 'Conflict', 'Conflict'
        $results[0].Message | Should -Match 'ClusterProfile first'
        $conflicts.FullyQualifiedErrorId | Should -BeLike 'ObjectConflict,*'
        ($conflicts | ForEach-Object { "$_" } | Sort-Object)[0] | Should -BeLike "Cluster 'fleet/c1', ClusterProfile/second: ConfigMap default/shared: owned by ClusterProfile first*"
        (Get-Live $fleet c1 configmap shared -Namespace default).data.from | Should -Be 'first'
    }

    It 'lets a lower tier take over' {
        Write-FleetProfile $fleet.Path low '{env: prod}' low-content "  tier: 50"
        $results = Invoke-Sync $fleet -Name low
        $results.Action | Should -Be 'Updated', 'Updated'
        $results[0].Message | Should -Match 'taken over'
        $live = Get-Live $fleet c1 configmap shared -Namespace default
        $live.data.from | Should -Be 'low'
        $live.metadata.annotations.'projectsveltos.io/owner-name' | Should -Be 'low'
    }

    It 'adopts an object that exists without an owner' {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 create configmap orphan -n default --from-literal=x=1 | Out-Null
        Write-FleetContent $fleet.Path orphan "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: orphan, namespace: default}`ndata: {x: '2'}"
        Write-FleetProfile $fleet.Path orphan '{env: prod}' orphan
        $results = Invoke-Sync $fleet -Name orphan
        ($results | Where-Object Cluster -EQ 'fleet/c1').Action | Should -Be 'Adopted'
        ($results | Where-Object Cluster -EQ 'fleet/c2').Action | Should -Be 'Created'
        (Get-Live $fleet c1 configmap orphan -Namespace default).data.x | Should -Be '2'
    }
}

Describe 'Sync modes, -WhatIf and dependsOn' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'OneTime deploys once and does not push later changes' {
        Write-FleetContent $fleet.Path once "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: once, namespace: default}`ndata: {v: '1'}"
        Write-FleetProfile $fleet.Path once '{env: prod}' once "  syncMode: OneTime"
        (Invoke-Sync $fleet -Name once).Action | Should -Be 'Created'
        Write-FleetContent $fleet.Path once "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: once, namespace: default}`ndata: {v: '2'}"
        (Invoke-Sync $fleet -Name once).Action | Should -Be 'Skipped'
        (Get-Live $fleet c1 configmap once -Namespace default).data.v | Should -Be '1'
    }

    It 'DryRun plans with unified diffs and changes nothing' {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 create configmap planned -n default --from-literal=color=red | Out-Null
        Write-FleetContent $fleet.Path dry "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: planned, namespace: default}`ndata: {color: green}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: brand-new, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path dry '{env: prod}' dry "  syncMode: DryRun"
        $before = (Get-KubeSimCluster c1).resourceVersion
        $results = Invoke-Sync $fleet -Name dry
        ($results | Where-Object Name -EQ 'planned').Action | Should -Be 'WouldAdopt'
        ($results | Where-Object Name -EQ 'planned').Diff | Should -Match '(?m)^-  color: red$'
        ($results | Where-Object Name -EQ 'planned').Diff | Should -Match '(?m)^\+  color: green$'
        ($results | Where-Object Name -EQ 'brand-new').Action | Should -Be 'WouldCreate'
        ($results | Where-Object Name -EQ 'brand-new').Diff | Should -Match '(?m)^\+kind: ConfigMap$'
        (Get-KubeSimCluster c1).resourceVersion | Should -Be $before
        (Get-Live $fleet c1 configmap planned -Namespace default).data.color | Should -Be 'red'
        Get-Live $fleet c1 configmap brand-new -Namespace default | Should -BeNullOrEmpty
        Remove-Item (Join-Path $fleet.Path 'profiles/dry.yaml')
    }

    It '-WhatIf lists every change and writes nothing' {
        Write-FleetContent $fleet.Path whatif "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: whatif, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path whatif '{env: prod}' whatif
        $before = (Get-KubeSimCluster c1).resourceVersion
        ($results = Invoke-Sync $fleet -Name whatif -WhatIf).Action | Should -Be 'WouldCreate'
        (Get-KubeSimCluster c1).resourceVersion | Should -Be $before

        # What-if lines go to the host, so a separate pwsh shows what a user sees.
        $shown = Invoke-FreshPwsh "Import-Module '$env:SVELTOS_MODULE'; Invoke-ProfileSync -Name whatif -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' -WhatIf | Out-Null"
        $shown | Should -Contain 'What if: Create ConfigMap/default/whatif on cluster fleet/c1 (ClusterProfile/whatif)'
        Get-Live $fleet c1 configmap whatif -Namespace default | Should -BeNullOrEmpty
    }

    It 'takes clusters and profiles from the pipeline' {
        Write-FleetContent $fleet.Path piped "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: piped, namespace: default}`ndata: {a: b}"
        $profile = New-ClusterProfile -Name piped -ClusterSelector env=prod -PolicyRef @{ kind = 'ConfigMap'; name = 'piped' }
        $planned = Get-SveltosCluster -Selector env=prod -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig |
            Invoke-ProfileSync -Profile $profile -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -WhatIf
        $planned.Action | Should -Be 'WouldCreate'
        ($profile | Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig).Action | Should -Be 'Created'
        Get-Live $fleet c1 configmap piped -Namespace default | Should -Not -BeNullOrEmpty
    }

    It 'deploys dependencies first and holds dependents whose dependency failed' {
        Write-FleetContent $fleet.Path base "apiVersion: v1`nkind: Namespace`nmetadata: {name: base}"
        Write-FleetContent $fleet.Path app "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: app, namespace: base}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path base '{env: prod}' base
        Write-FleetProfile $fleet.Path app '{env: prod}' app "  dependsOn: [base]"
        $results = Invoke-Sync $fleet -Name base, app
        ($results | ForEach-Object Profile) | Should -Be 'ClusterProfile/base', 'ClusterProfile/app'

        Write-FleetProfile $fleet.Path app2 '{env: prod}' app "  dependsOn: [missing-base]"
        $held = Invoke-Sync $fleet -Name app2
        $held.Action | Should -Be 'Pending'
        $held.Message | Should -Match 'missing-base'
    }
}

Describe 'Safety: a bad change never wipes what is deployed' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        $many = (1..15 | ForEach-Object { "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cm-$_, namespace: default}`ndata: {i: '$_'}" }) -join "`n---`n"
        Write-FleetContent $fleet.Path many $many
        Write-FleetProfile $fleet.Path many '{env: prod}' many
        Invoke-Sync $fleet | Out-Null
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'fails loudly and deletes nothing when a referenced ConfigMap disappears' {
        Remove-Item (Join-Path $fleet.Path 'content/many.yaml')
        $results = Invoke-Sync $fleet -ErrorVariable err -ErrorAction SilentlyContinue
        $results | Where-Object Action -EQ 'Deleted' | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ContentSourceNotFound,*'
        $err[0].Exception.Message | Should -Match 'ConfigMap fleet/many does not exist'
        Get-Live $fleet c1 configmap cm-7 -Namespace default | Should -Not -BeNullOrEmpty
    }

    It 'refuses a sync that would delete more than the threshold, unless -Force' {
        Remove-Item (Join-Path $fleet.Path 'profiles/many.yaml')
        $e = { Invoke-Sync $fleet } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'DeletionThresholdExceeded,*'
        $e.Exception.Message | Should -Match '30 objects'
        Get-Live $fleet c1 configmap cm-1 -Namespace default | Should -Not -BeNullOrEmpty

        (Invoke-Sync $fleet -WhatIf).Action | Sort-Object -Unique | Should -Be 'WouldDelete'
        (Invoke-Sync $fleet -Force).Action | Sort-Object -Unique | Should -Be 'Deleted'
        Get-Live $fleet c1 configmap cm-1 -Namespace default | Should -BeNullOrEmpty
    }

    It 'keeps what an invalid profile deployed until the profile is fixed' {
        Write-FleetContent $fleet.Path small "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: small, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path small '{env: prod}' small
        Invoke-Sync $fleet | Out-Null
        Write-FleetProfile $fleet.Path small '{env: prod}' small "  syncMode: Continous"
        $results = Invoke-Sync $fleet -ErrorVariable invalid -ErrorAction SilentlyContinue
        $results | Where-Object Action -EQ 'Deleted' | Should -BeNullOrEmpty
        $invalid | Out-String | Should -Match "spec.syncMode: 'Continous'.*left as deployed"
        Get-Live $fleet c1 configmap small -Namespace default | Should -Not -BeNullOrEmpty
    }
}

Describe 'Fleet-scale behaviour' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' }; c3 = @{ env = 'prod' } }
        $ten = (1..10 | ForEach-Object { "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: obj-$_, namespace: default}`ndata: {i: '$_'}" }) -join "`n---`n"
        Write-FleetContent $fleet.Path ten $ten
        Write-FleetProfile $fleet.Path ten '{env: prod}' ten
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'reports an unreachable cluster as an error and syncs the others' {
        Set-KubeSimCluster c2 -Down | Out-Null
        try {
            $results = Invoke-Sync $fleet -ErrorVariable err -ErrorAction SilentlyContinue
            $err.FullyQualifiedErrorId | Should -BeLike 'ClusterUnreachable,*'
            $err[0].TargetObject | Should -Be 'fleet/c2'
            ($results | Where-Object Cluster -EQ 'fleet/c1').Count | Should -Be 10
            ($results | Where-Object Cluster -EQ 'fleet/c3').Count | Should -Be 10
        }
        finally { Set-KubeSimCluster c2 -Up | Out-Null }
    }

    # 10%: with 5 attempts a request fails for good once in 100000, so a run of about 50 requests never flakes.
    It 'converges through 10% injected 500 and 429 errors, with nothing lost or duplicated' {
        Write-FleetProfile $fleet.Path ten '{env: prod}' ten "  extraLabels: {round: one}"
        Set-KubeSimCluster c2 -FailureRate 0.1 -FailureCode 500 | Out-Null
        Set-KubeSimCluster c3 -FailureRate 0.1 -FailureCode 429 -RetryAfterSeconds 0 | Out-Null
        try {
            $results = Invoke-Sync $fleet -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -BeNullOrEmpty
            ($results | Where-Object Cluster -EQ 'fleet/c2').Action | Sort-Object -Unique | Should -Be 'Created'
            ($results | Where-Object Cluster -EQ 'fleet/c3').Action | Sort-Object -Unique | Should -Be 'Updated'
        }
        finally {
            Set-KubeSimCluster c2 -FailureRate 0 | Out-Null
            Set-KubeSimCluster c3 -FailureRate 0 | Out-Null
        }
        foreach ($cluster in 'c1', 'c2', 'c3') {
            $names = kubectl --kubeconfig $fleet.Kubeconfig --context $cluster get configmaps -n default -l round=one -o name
            @($names).Count | Should -Be 10
        }
        (Invoke-Sync $fleet -Summary).Status | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'stops promptly on Ctrl+C and a re-sync completes cleanly' {
        Write-FleetProfile $fleet.Path ten '{env: prod}' ten "  extraLabels: {round: two}"
        foreach ($cluster in 'c1', 'c2', 'c3') { Set-KubeSimCluster $cluster -LatencyMs 150 | Out-Null }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($module, $path, $kubeconfig)
                    Import-Module $module
                    Invoke-ProfileSync -FleetPath $path -Kubeconfig $kubeconfig
                }).AddArgument($env:SVELTOS_MODULE).AddArgument($fleet.Path).AddArgument($fleet.Kubeconfig)
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            foreach ($cluster in 'c1', 'c2', 'c3') { Set-KubeSimCluster $cluster -LatencyMs 0 | Out-Null }
        }

        $summary = Invoke-Sync $fleet -Summary
        $summary.Status | Where-Object { $_ -notin 'Provisioned', 'Unchanged' } | Should -BeNullOrEmpty
        foreach ($cluster in 'c1', 'c2', 'c3') {
            $labelled = kubectl --kubeconfig $fleet.Kubeconfig --context $cluster get configmaps -n default -l round=two -o name
            @($labelled).Count | Should -Be 10
        }
        (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig).Status | Sort-Object -Unique | Should -Be 'Provisioned'
    }
}

Describe 'Continuous mode: -Watch reconciles fleet changes within two seconds' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'dev' } }
        Write-FleetContent $fleet.Path watched "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: watched, namespace: default}`ndata: {v: '1'}"
        Write-FleetProfile $fleet.Path watched '{env: prod}' watched
        $script:ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($module, $path, $kubeconfig)
                Import-Module $module
                Invoke-ProfileSync -FleetPath $path -Kubeconfig $kubeconfig -Watch -Timeout 60 -Summary
            }).AddArgument($env:SVELTOS_MODULE).AddArgument($fleet.Path).AddArgument($fleet.Kubeconfig)
        $script:async = $ps.BeginInvoke()

        Wait-Until { Get-Live $fleet c1 configmap watched -Namespace default } 20 | Out-Null
    }
    AfterAll {
        $ps.Stop()
        $ps.Dispose()
        Remove-TestFleet $fleet
    }

    It 'deploys to a cluster as soon as it is labelled' {
        Set-SveltosCluster c2 -Label @{ env = 'prod' } -FleetPath $fleet.Path
        Wait-Until { Get-Live $fleet c2 configmap watched -Namespace default } 2.5 | Should -BeLessThan 2.5
    }

    It 'pushes a change of the referenced content' {
        Write-FleetContent $fleet.Path watched "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: watched, namespace: default}`ndata: {v: '2'}"
        Wait-Until { (Get-Live $fleet c1 configmap watched -Namespace default).data.v -eq '2' } 2.5 | Should -BeLessThan 2.5
    }

    It 'withdraws when the profile is removed from the fleet' {
        Remove-ClusterProfile watched -FleetPath $fleet.Path -Confirm:$false
        Wait-Until { -not (Get-Live $fleet c1 configmap watched -Namespace default) } 2.5 | Should -BeLessThan 2.5
    }

    It 'keeps running until stopped, and stops promptly' {
        $ps.InvocationStateInfo.State | Should -Be 'Running'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
    }
}
