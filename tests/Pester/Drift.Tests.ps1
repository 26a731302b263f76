BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos

    $script:WebContent = Get-WebAddOn
    # spec.replicas belongs to an autoscaler in these tests: excluded for the Deployment only.
    $script:Exclusions = "  driftExclusions:`n  - paths: [/spec/replicas]`n    target: {kind: Deployment}"

    function New-DriftFleet {
        # A fleet of prod clusters with the web add-on already synced.
        param([string[]] $Clusters)
        $labels = @{}
        foreach ($name in $Clusters) { $labels[$name] = @{ env = 'prod' } }
        $fleet = New-TestFleet $labels
        Write-FleetContent $fleet.Path web $WebContent
        Write-FleetProfile $fleet.Path web '{env: prod}' web $Exclusions
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        $fleet
    }


    function Invoke-Kubectl {
        param($Fleet, [string] $Cluster)
        $output = kubectl --kubeconfig $Fleet.Kubeconfig --context $Cluster @args 2>&1
        if ($LASTEXITCODE -ne 0) { throw "kubectl $args failed: $output" }
    }
}

Describe 'Test-Drift: a one-shot comparison of live objects with what was applied' {
    BeforeAll { $script:fleet = New-DriftFleet c1, c2 }
    AfterAll { Remove-TestFleet $fleet }

    It 'reports nothing on clean clusters, and -Quiet is $false' {
        Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -WarningVariable warnings | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Quiet | Should -BeFalse
    }

    It 'ignores status changes and fields the API server filled in' {
        Invoke-Kubectl $fleet c1 wait --for=condition=Available deployment/frontend -n web --timeout=20s
        Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Should -BeNullOrEmpty
    }

    It 'reports an edited object as Modified, with the diff that remediation reverts, and a deleted one as Deleted' {
        Invoke-Kubectl $fleet c1 patch configmap settings -n web --type merge -p '{"data":{"color":"red"}}'
        Invoke-Kubectl $fleet c2 delete deployment frontend -n web
        $drift = Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Sort-Object Cluster
        $drift.Count | Should -Be 2
        $drift[0].Cluster, $drift[0].Profile, $drift[0].Kind, $drift[0].Name, $drift[0].Change | Should -Be 'fleet/c1', 'ClusterProfile/web', 'ConfigMap', 'settings', 'Modified'
        $drift[0].Diff | Should -Match '(?m)^-\s+color: red'
        $drift[0].Diff | Should -Match '(?m)^\+\s+color: blue'
        $drift[1].Cluster, $drift[1].Kind, $drift[1].Name, $drift[1].Change | Should -Be 'fleet/c2', 'Deployment', 'frontend', 'Deleted'
        Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Quiet | Should -BeTrue
        Get-SveltosCluster -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Name c2 | Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig |
            Select-Object -ExpandProperty Name | Should -Be 'frontend'
    }

    It 'leaves excluded paths and objects annotated driftDetectionIgnore alone' {
        Invoke-Kubectl $fleet c1 scale deployment frontend -n web --replicas=5
        Invoke-Kubectl $fleet c2 annotate configmap settings -n web projectsveltos.io/driftDetectionIgnore=ok
        Invoke-Kubectl $fleet c2 patch configmap settings -n web --type merge -p '{"data":{"color":"green"}}'
        $drift = Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Sort-Object Cluster
        "$($drift | ForEach-Object { "$($_.Cluster) $($_.Kind)" })" | Should -Be 'fleet/c1 ConfigMap fleet/c2 Deployment'
    }

    It 'reports an unreachable cluster as an error and checks the others' {
        Set-KubeSimCluster c2 -Down | Out-Null
        try {
            $drift = Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ClusterUnreachable,*'
            $err[0].TargetObject | Should -Be 'fleet/c2'
            $drift.Cluster | Should -Be 'fleet/c1'
        }
        finally { Set-KubeSimCluster c2 -Up | Out-Null }
    }
}

Describe 'Watch-Drift -Remediate: out-of-band changes are undone as they happen' {
    BeforeAll {
        $script:fleet = New-DriftFleet c1, c2
        $script:original = Get-Live $fleet c1 deployment frontend
        $script:run = Start-Background {
            param($sink, $path, $kubeconfig)
            Watch-Drift -Remediate -FleetPath $path -Kubeconfig $kubeconfig -Timeout 300 | ForEach-Object { $null = $sink.Add($_) }
        } $fleet.Path, $fleet.Kubeconfig
        Start-Sleep -Seconds 2
    }
    AfterAll {
        $run.PowerShell.Stop()
        $run.PowerShell.Dispose()
        Remove-TestFleet $fleet
    }

    It 'restores a deleted Deployment with the same spec' {
        Invoke-Kubectl $fleet c1 delete deployment frontend -n web
        Wait-Until { Get-Live $fleet c1 deployment frontend } 5 | Should -BeLessThan 5
        $restored = Get-Live $fleet c1 deployment frontend
        $restored.spec.template.spec.containers[0].image | Should -Be $original.spec.template.spec.containers[0].image
        $restored.spec.replicas | Should -Be $original.spec.replicas
        $restored.metadata.annotations.'projectsveltos.io/owner-name' | Should -Be 'web'
        Wait-Until { $run.Output | Where-Object { $_.Kind -eq 'Deployment' -and $_.Status -eq 'Remediated' } } 5 | Out-Null
        $events = @($run.Output | Where-Object Kind -EQ 'Deployment')
        $events[0].Status, $events[0].Change | Should -Be 'Drifted', 'Deleted'
        $events[1].Status, $events[1].Action | Should -Be 'Remediated', 'Created'
    }

    It 'reverts an edited field, and does not report its own write' {
        $run.Output.Clear()
        Invoke-Kubectl $fleet c2 patch configmap settings -n web --type merge -p '{"data":{"color":"red"}}'
        Wait-Until { (Get-Live $fleet c2 configmap settings).data.color -eq 'blue' } 5 | Should -BeLessThan 5
        Start-Sleep -Seconds 1
        "$($run.Output | ForEach-Object { "$($_.Status) $($_.Change)" })" | Should -Be 'Drifted Modified Remediated Modified'
        Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Should -BeNullOrEmpty
    }

    It 'leaves an excluded path alone' {
        $run.Output.Clear()
        Invoke-Kubectl $fleet c1 scale deployment frontend -n web --replicas=4
        Start-Sleep -Seconds 2
        (Get-Live $fleet c1 deployment frontend).spec.replicas | Should -Be 4
        $run.Output | Should -BeNullOrEmpty
    }

    It 'leaves an object annotated projectsveltos.io/driftDetectionIgnore alone' {
        Invoke-Kubectl $fleet c1 annotate configmap settings -n web projectsveltos.io/driftDetectionIgnore=true
        Invoke-Kubectl $fleet c1 patch configmap settings -n web --type merge -p '{"data":{"color":"green"}}'
        Start-Sleep -Seconds 2
        (Get-Live $fleet c1 configmap settings).data.color | Should -Be 'green'
        $run.Output | Should -BeNullOrEmpty
    }

    It 'reports a cluster that goes down as an error, and heals it once it is back' {
        Set-KubeSimCluster c2 -Down | Out-Null
        try {
            Wait-Until { $run.PowerShell.Streams.Error.Count -gt 0 } 15 | Out-Null
            $run.PowerShell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'ClusterUnreachable*'
            $run.PowerShell.Streams.Error[0].TargetObject | Should -Be 'fleet/c2'
        }
        finally { Set-KubeSimCluster c2 -Up | Out-Null }
        Start-Sleep -Seconds 3
        Invoke-Kubectl $fleet c2 delete configmap settings -n web
        Wait-Until { Get-Live $fleet c2 configmap settings } 20 | Out-Null
        (Get-Live $fleet c2 configmap settings).data.color | Should -Be 'blue'
        $run.PowerShell.Streams.Error.Count | Should -Be 1
    }

    It 'stops within a second on Ctrl+C, closing every watch' {
        $run.PowerShell.InvocationStateInfo.State | Should -Be 'Running'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $run.PowerShell.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        Invoke-Kubectl $fleet c1 delete configmap settings -n web
        Start-Sleep -Seconds 2
        Get-Live $fleet c1 configmap settings | Should -BeNullOrEmpty
    }
}

Describe 'Watch-Drift for CI: -MaxEvents and -Timeout' {
    BeforeAll { $script:fleet = New-DriftFleet c1 }
    AfterAll { Remove-TestFleet $fleet }

    It 'returns after the first event with -MaxEvents 1' {
        $editor = Start-Background {
            param($sink, $kubeconfig)
            Start-Sleep -Seconds 3
            kubectl --kubeconfig $kubeconfig --context c1 delete configmap settings -n web | Out-Null
        } $fleet.Kubeconfig
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $events = Watch-Drift -MaxEvents 1 -Timeout 60 -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            @($events).Count | Should -Be 1
            $events.Change, $events.Status | Should -Be 'Deleted', 'Drifted'
        }
        finally {
            $editor.PowerShell.Stop()
            $editor.PowerShell.Dispose()
        }
    }

    It 'returns when -Timeout passes, having reported drift that existed when it started' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $events = Watch-Drift -Timeout 2 -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $events.Name | Should -Be 'settings'
    }

    It 'with -Remediate and -MaxEvents 1, returns once the remediation is reported' {
        $events = Watch-Drift -Remediate -MaxEvents 1 -Timeout 30 -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        "$($events | ForEach-Object { "$($_.Status) $($_.Action)" })" | Should -Be 'Drifted  Remediated Created'
        (Get-Live $fleet c1 configmap settings).data.color | Should -Be 'blue'
    }
}

Describe 'Invoke-ProfileSync -Watch -DriftDetection: one command is a complete controller' {
    BeforeAll {
        $script:fleet = New-DriftFleet c1
        $script:run = Start-Background {
            param($sink, $path, $kubeconfig)
            Invoke-ProfileSync -Watch -DriftDetection -Timeout 120 -FleetPath $path -Kubeconfig $kubeconfig | ForEach-Object { $null = $sink.Add($_) }
        } $fleet.Path, $fleet.Kubeconfig
        Start-Sleep -Seconds 3
    }
    AfterAll {
        $run.PowerShell.Stop()
        $run.PowerShell.Dispose()
        Remove-TestFleet $fleet
    }

    It 'restores a deleted object and follows fleet changes, never reporting its own syncs as drift' {
        Invoke-Kubectl $fleet c1 delete configmap settings -n web
        Wait-Until { Get-Live $fleet c1 configmap settings } 5 | Should -BeLessThan 5
        Write-FleetContent $fleet.Path web ($WebContent -replace 'color: blue', 'color: yellow')
        Wait-Until { (Get-Live $fleet c1 configmap settings).data.color -eq 'yellow' } 5 | Out-Null
        Start-Sleep -Seconds 1
        $drift = @($run.Output | Where-Object { $_ -is [Sveltos.DriftResult] })
        "$($drift | ForEach-Object { "$($_.Status) $($_.Name)" })" | Should -Be 'Drifted settings Remediated settings'
        # (Count, not the collection: enumerating an open PSDataCollection waits for the command to end.)
        $run.PowerShell.Streams.Error.Count | Should -Be 0
    }
}
