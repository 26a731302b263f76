BeforeDiscovery {
    $script:backends = @(@{ Backend = 'Directory' }, @{ Backend = 'ManagementCluster' })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:sim = Start-TestKubeSim -Clusters c1, c2, c3
    # Not TestDrive: Pester empties it after each Describe, and the fleet is shared across them.
    $script:directoryFleet = Join-Path ([IO.Path]::GetTempPath()) "sveltos-fleet-$([guid]::NewGuid())"
    New-Item -ItemType Directory $directoryFleet | Out-Null
}

AfterAll {
    Disconnect-SveltosFleet
    Stop-KubeSim $sim
    Remove-Item $directoryFleet -Recurse -Force -ErrorAction Ignore
}

Describe 'The fleet on a <Backend> backend' -ForEach $backends {
    BeforeAll {
        if ($Backend -eq 'Directory') {
            Connect-SveltosFleet -Path $directoryFleet -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
        else {
            Connect-SveltosFleet -Context mgmt -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
    }

    It 'registers three clusters with labels, each probed healthy' {
        $registered = @(
            Register-SveltosCluster -Name c1 -Namespace fleet -Label @{ env = 'prod'; zone = 'a' } -Kubeconfig $sim.KubeconfigPath
            Register-SveltosCluster -Name c2 -Namespace fleet -Label @{ env = 'prod'; zone = 'b' } -Kubeconfig $sim.KubeconfigPath
            Register-SveltosCluster -Name c3 -Namespace fleet -Label @{ env = 'dev' } -Kubeconfig $sim.KubeconfigPath
        )
        $registered.Name | Should -Be 'c1', 'c2', 'c3'
        $registered.ConnectionStatus | Should -Be 'Healthy', 'Healthy', 'Healthy'
        $all = Get-SveltosCluster
        $all.Name | Should -Be 'c1', 'c2', 'c3'
        $all.Type | Should -Be 'SveltosCluster', 'SveltosCluster', 'SveltosCluster'
        $all.Ready | Should -Be $true, $true, $true
        $all.KubernetesVersion | Should -Be 'v1.32.0', 'v1.32.0', 'v1.32.0'
        ($all | Where-Object Name -EQ 'c1').Labels['zone'] | Should -Be 'a'
    }

    It 'selects clusters with the full selector syntax and hashtables' {
        (Get-SveltosCluster -Selector 'env=prod' -SkipConnectionCheck).Name | Should -Be 'c1', 'c2'
        (Get-SveltosCluster -Selector 'env in (prod,dev),zone notin (b)' -SkipConnectionCheck).Name | Should -Be 'c1', 'c3'
        (Get-SveltosCluster -Selector '!zone' -SkipConnectionCheck).Name | Should -Be 'c3'
        (Get-SveltosCluster -Selector @{ env = 'dev' } -SkipConnectionCheck).Name | Should -Be 'c3'
        (Get-SveltosCluster -Selector @{ matchExpressions = @(@{ key = 'zone'; operator = 'Exists' }) } -SkipConnectionCheck).Name | Should -Be 'c1', 'c2'
    }

    It 'relabels a cluster, from the pipeline too' {
        Set-SveltosCluster -Name c3 -AddLabel @{ env = 'prod'; tier = 'gold' }
        Get-SveltosCluster -Selector 'env=prod' -SkipConnectionCheck | Set-SveltosCluster -RemoveLabel zone
        $c3 = Get-SveltosCluster c3 -SkipConnectionCheck
        $c3.Labels['env'] | Should -Be 'prod'
        $c3.Labels['tier'] | Should -Be 'gold'
        (Get-SveltosCluster -Selector 'zone' -SkipConnectionCheck) | Should -BeNullOrEmpty
        Set-SveltosCluster -Name c3 -Label @{ env = 'dev' } -PassThru | ForEach-Object { $_.Labels.Keys } | Should -Be 'env'
    }

    It 'changes nothing under -WhatIf' {
        Set-SveltosCluster -Name c1 -AddLabel @{ canary = 'true' } -WhatIf
        Register-SveltosCluster -Name extra -Namespace fleet -Context c1 -Kubeconfig $sim.KubeconfigPath -WhatIf
        (Get-SveltosCluster c1 -SkipConnectionCheck).Labels.ContainsKey('canary') | Should -BeFalse
        Get-SveltosCluster extra -SkipConnectionCheck -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses to register a name twice without -Force' {
        Register-SveltosCluster -Name c1 -Namespace fleet -Kubeconfig $sim.KubeconfigPath -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ClusterAlreadyRegistered,*'
    }

    It 'unregisters a cluster' {
        Unregister-SveltosCluster -Name c3 -Namespace fleet -Confirm:$false
        (Get-SveltosCluster -SkipConnectionCheck).Name | Should -Be 'c1', 'c2'
    }
}

Describe 'Backend specifics' {
    It 'keeps kubeconfigs in Secrets of the management cluster, named as Sveltos names them' {
        $secret = kubectl --kubeconfig $sim.KubeconfigPath --context mgmt get secret -n fleet c1-sveltos-kubeconfig -o json | ConvertFrom-Json
        $secret.data.kubeconfig | Should -Not -BeNullOrEmpty
        $cluster = kubectl --kubeconfig $sim.KubeconfigPath --context mgmt get sveltoscluster -n fleet c1 -o json | ConvertFrom-Json
        $cluster.spec.kubeconfigName | Should -Be 'c1-sveltos-kubeconfig'
        $cluster.status.ready | Should -BeTrue
        kubectl --kubeconfig $sim.KubeconfigPath --context mgmt get crd clusterprofiles.config.projectsveltos.io -o name 2>$null | Should -BeNullOrEmpty
    }

    It 'edits fleet directory files in place, keeping comments' {
        $fleetPath = $directoryFleet
        $file = Join-Path $fleetPath 'clusters/c1.yaml'
        "# owned by the platform team`n" + (Get-Content -Raw $file) | Set-Content $file
        Set-SveltosCluster -Name c1 -AddLabel @{ audited = 'yes' } -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath
        $text = Get-Content -Raw $file
        $text | Should -Match '^# owned by the platform team'
        $text | Should -Match 'audited: "yes"'
    }
}

Describe 'Bad fleet input' {
    It 'names a SveltosCluster whose kubeconfig Secret is missing, and still lists the others' {
        kubectl --kubeconfig $sim.KubeconfigPath --context mgmt delete secret -n fleet c2-sveltos-kubeconfig | Out-Null
        $clusters = Get-SveltosCluster -ManagementContext mgmt -Kubeconfig $sim.KubeconfigPath
        $c2 = $clusters | Where-Object Name -EQ 'c2'
        $c2.ConnectionStatus | Should -Be 'Down'
        $c2.Message | Should -Match 'fleet/c2-sveltos-kubeconfig does not exist'
        ($clusters | Where-Object Name -EQ 'c1').ConnectionStatus | Should -Be 'Healthy'
    }

    It 'fails clearly when the management cluster cannot be reached' {
        Set-KubeSimCluster mgmt -Down | Out-Null
        try {
            $e = { Get-SveltosCluster -ManagementContext mgmt -Kubeconfig $sim.KubeconfigPath } | Should -Throw -PassThru
            $e.FullyQualifiedErrorId | Should -BeLike 'ClusterUnreachable,*'
            $e.Exception.Message | Should -Match "Cluster 'mgmt'"
        }
        finally { Set-KubeSimCluster mgmt -Up | Out-Null }
    }

    It 'rejects an invalid selector with its position' {
        $e = { Get-SveltosCluster -Selector 'env=prod,tier in (a' -SkipConnectionCheck } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'InvalidSelector,*'
        $e.Exception.Message | Should -Match 'position'
    }

    It 'rejects a malformed fleet file, naming it, and changes nothing' {
        $fleetPath = Join-Path $TestDrive 'broken-fleet'
        New-Item -ItemType Directory $fleetPath | Out-Null
        Set-Content (Join-Path $fleetPath 'bad.yaml') "kind: SveltosCluster`nmetadata: {name: [x`n"
        $e = { Get-SveltosCluster -FleetPath $fleetPath } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'FleetFileMalformed,*'
        $e.Exception.Message | Should -Match 'bad.yaml'
    }
}
