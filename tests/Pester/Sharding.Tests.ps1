# -Shard i/n splits a fleet's clusters across jobs: disjoint, complete, the same in every job, and a shard's sync,
# drift check and summary never touch another shard's clusters.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' }; c3 = @{ env = 'prod' }; c4 = @{ env = 'prod' } }
    Write-FleetContent $fleet.Path sharded "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: sharded, namespace: default}`ndata: {a: b}"
    Write-FleetProfile $fleet.Path sharded '{env: prod}' sharded
    function Deployed { foreach ($c in 'c1', 'c2', 'c3', 'c4') { if (Get-Live $fleet $c configmap sharded -Namespace default) { "fleet/$c" } } }
}

AfterAll { Remove-TestFleet $fleet }

Describe 'Sharding a fleet across jobs' {
    It 'each shard syncs only its own clusters; together the shards cover the fleet once' {
        $first = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 1/2 -Summary
        $firstClusters = @($first.Cluster | Sort-Object)
        $firstClusters.Count | Should -Be 2
        @(Deployed) | Should -Be $firstClusters

        $second = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 2/2 -Summary
        $secondClusters = @($second.Cluster | Sort-Object)
        $secondClusters.Count | Should -Be 2
        $firstClusters | Where-Object { $_ -in $secondClusters } | Should -BeNullOrEmpty
        @(Deployed) | Should -Be @('fleet/c1', 'fleet/c2', 'fleet/c3', 'fleet/c4')
    }

    It 'the assignment is stable from one run to the next, and Get-ClusterSummary and Test-Drift see the same shard' {
        $again = (Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 1/2 -Summary).Cluster | Sort-Object
        $summary = (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 1/2).Cluster | Sort-Object
        $drift = (Test-Drift -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 1/2).Cluster | Sort-Object -Unique
        $summary | Should -Be $again
        if ($drift) { $drift | Where-Object { $_ -notin $again } | Should -BeNullOrEmpty }
    }

    It 'a shard that is not i/n is refused with the rule, and nothing is synced' {
        { Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Shard 3/2 -ErrorAction Stop } | Should -Throw '*write it i/n with 1 <= i <= n*'
    }
}
