BeforeDiscovery {
    $script:backends = @(@{ Backend = 'Directory' }, @{ Backend = 'ManagementCluster' })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:sim = Start-TestKubeSim -Clusters c1, c2, c3, c4
    $script:directoryFleet = Join-Path ([IO.Path]::GetTempPath()) "sveltos-classify-$([guid]::NewGuid())"
    New-Item -ItemType Directory $directoryFleet | Out-Null

    function Get-Labelled([string] $Key) {
        (Get-SveltosCluster -SkipConnectionCheck | Where-Object { $_.Labels.ContainsKey($Key) }).Name
    }

    $script:crd = @'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: certificates.cert-manager.io
spec:
  group: cert-manager.io
  scope: Namespaced
  names: { kind: Certificate, plural: certificates, singular: certificate, listKind: CertificateList }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true }
'@
}

AfterAll {
    Disconnect-SveltosFleet
    Stop-KubeSim $sim
    Remove-Item $directoryFleet -Recurse -Force -ErrorAction Ignore
}

Describe 'Classification on a <Backend> backend' -ForEach $backends {
    BeforeAll {
        if ($Backend -eq 'Directory') {
            Connect-SveltosFleet -Path $directoryFleet -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
        else {
            Connect-SveltosFleet -Context mgmt -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
        $versions = @{ c1 = 'v1.27.9'; c2 = 'v1.28.3-eks-4f4795d'; c3 = 'v1.29.4'; c4 = 'v1.30.1+k3s1' }
        foreach ($name in $versions.Keys) {
            Set-KubeSimCluster $name -Version $versions[$name] | Out-Null
            Register-SveltosCluster -Name $name -Namespace fleet -Label @{ env = 'prod' } -Kubeconfig $sim.KubeconfigPath -Force -Confirm:$false | Out-Null
        }
        # A label set by hand, which classification must never remove.
        Set-SveltosCluster -Name c1 -AddLabel @{ team = 'blue' }
    }

    It 'labels exactly the clusters on 1.28 and 1.29' {
        New-ClusterClassifier -Name supported -ClassifierLabel @{ k8s = 'supported' } -KubernetesVersion '>=1.28.0', '<1.30.0' |
            Save-ClusterClassifier -Confirm:$false
        $results = Invoke-ClusterClassification
        $results | Should -HaveCount 4
        ($results | Where-Object Status -EQ 'Matched').Cluster | Sort-Object | Should -Be 'c2', 'c3'
        ($results | Where-Object Cluster -EQ 'c4').KubernetesVersion | Should -Be 'v1.30.1+k3s1'
        Get-Labelled k8s | Should -Be 'c2', 'c3'
        (Get-SveltosCluster c1 -SkipConnectionCheck).Labels['team'] | Should -Be 'blue'
    }

    It 'changes nothing under -WhatIf' {
        Set-KubeSimCluster c1 -Version v1.28.0 | Out-Null
        try {
            $results = Invoke-ClusterClassification -WhatIf
            ($results | Where-Object Cluster -EQ 'c1').Changes | Should -Match 'Add label k8s=supported'
            Get-Labelled k8s | Should -Be 'c2', 'c3'
        }
        finally { Set-KubeSimCluster c1 -Version v1.27.9 | Out-Null }
    }

    It 'moves the label when a cluster''s reported version changes' {
        Set-KubeSimCluster c3 -Version v1.30.0 | Out-Null
        Set-KubeSimCluster c1 -Version v1.28.0 | Out-Null
        $results = Invoke-ClusterClassification
        ($results | Where-Object Cluster -EQ 'c1').Changes | Should -Match 'Add label k8s=supported'
        ($results | Where-Object Cluster -EQ 'c3').Changes | Should -Match 'Remove label k8s=supported'
        Get-Labelled k8s | Should -Be 'c1', 'c2'
        (Get-SveltosCluster c1 -SkipConnectionCheck).Labels['team'] | Should -Be 'blue'
    }

    It 'labels clusters holding a CRD, and unlabels them when it is removed' {
        $crd | kubectl --kubeconfig $sim.KubeconfigPath --context c2 apply -f - | Out-Null
        New-ClusterClassifier -Name cert-manager -ClassifierLabel @{ 'cert-manager' = 'installed' } -ResourceSelector @{
            group = 'apiextensions.k8s.io'; version = 'v1'; kind = 'CustomResourceDefinition'; name = 'certificates.cert-manager.io'
        } | Save-ClusterClassifier -Confirm:$false
        Invoke-ClusterClassification | Out-Null
        Get-Labelled cert-manager | Should -Be 'c2'
        kubectl --kubeconfig $sim.KubeconfigPath --context c2 delete crd certificates.cert-manager.io | Out-Null
        Invoke-ClusterClassification | Out-Null
        Get-Labelled cert-manager | Should -BeNullOrEmpty
    }

    It 'reports conflicting classifiers on one key; the first by name keeps it' {
        New-ClusterClassifier -Name zz-other -ClassifierLabel @{ k8s = 'other' } -KubernetesVersion '>=1.28.0' |
            Save-ClusterClassifier -Confirm:$false
        $results = Invoke-ClusterClassification -ErrorVariable err -ErrorAction SilentlyContinue
        $conflicts = $results | Where-Object { $_.Classifier -eq 'zz-other' -and $_.Status -eq 'Conflict' }
        $conflicts.Cluster | Sort-Object | Should -Be 'c1', 'c2'
        $err.FullyQualifiedErrorId | Should -Contain 'ClassifierLabelConflict,Sveltos.Commands.InvokeClusterClassificationCommand'
        (Get-SveltosCluster c2 -SkipConnectionCheck).Labels['k8s'] | Should -Be 'supported'
        # zz-other owns k8s where 'supported' does not match (c3, c4 on 1.30).
        (Get-SveltosCluster c4 -SkipConnectionCheck).Labels['k8s'] | Should -Be 'other'
    }

    It 'reports a label set by hand as a conflict and leaves it alone' {
        Set-SveltosCluster -Name c1 -AddLabel @{ tier = 'gold' }
        New-ClusterClassifier -Name tiers -ClassifierLabel @{ tier = 'silver' } | Save-ClusterClassifier -Confirm:$false
        $results = Invoke-ClusterClassification -ErrorAction SilentlyContinue
        ($results | Where-Object { $_.Classifier -eq 'tiers' -and $_.Cluster -eq 'c1' }).Status | Should -Be 'Conflict'
        (Get-SveltosCluster c1 -SkipConnectionCheck).Labels['tier'] | Should -Be 'gold'
        (Get-SveltosCluster c2 -SkipConnectionCheck).Labels['tier'] | Should -Be 'silver'
    }

    It 'lists, exports and re-imports the classifiers unchanged' {
        $file = Join-Path $TestDrive "classifiers-$Backend.yaml"
        $all = Get-ClusterClassifier
        $all.Name | Should -Be 'cert-manager', 'supported', 'tiers', 'zz-other'
        $all | Export-ClusterClassifier $file
        $again = Import-ClusterClassifier $file
        ($again | Export-ClusterClassifier) | Should -Be ($all | Export-ClusterClassifier)
    }
}

Describe 'Bad classifier input' {
    It 'rejects an invalid version with InvalidKubernetesVersion' {
        New-ClusterClassifier -Name bad -ClassifierLabel @{ a = 'b' } -KubernetesVersion @{ comparison = 'Equal'; version = 'one.two' } -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubernetesVersion,*'
        $err[0].Exception.Message | Should -Match "Classifier/bad spec.kubernetesVersionConstraints\[0\].version: 'one.two' is not a Kubernetes version"
    }

    It 'rejects an unknown comparison with UnknownVersionComparison, located in the file' {
        $file = Join-Path $TestDrive 'bad.yaml'
        Set-Content $file "apiVersion: lib.projectsveltos.io/v1beta1`nkind: Classifier`nmetadata:`n  name: bad`nspec:`n  classifierLabels: [{key: a, value: b}]`n  kubernetesVersionConstraints:`n  - comparison: AtLeast`n    version: 1.28.0`n"
        Import-ClusterClassifier $file -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnknownVersionComparison,*'
        $err[0].Exception.Message | Should -Match "bad.yaml\[0\] spec.kubernetesVersionConstraints\[0\].comparison: 'AtLeast' is not one of Equal, NotEqual"
    }

    It 'rejects a constraint string it cannot read as an invalid version' {
        New-ClusterClassifier -Name bad -ClassifierLabel @{ a = 'b' } -KubernetesVersion '~>1.28' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubernetesVersion,*'
    }
}

Describe 'Lua scripts in classifiers' {
    BeforeAll {
        $script:luaFleet = Join-Path ([IO.Path]::GetTempPath()) "sveltos-classify-lua-$([guid]::NewGuid())"
        New-Item -ItemType Directory $luaFleet | Out-Null
        Connect-SveltosFleet -Path $luaFleet -Kubeconfig $sim.KubeconfigPath | Out-Null
        foreach ($name in 'c1', 'c2', 'c3', 'c4') {
            Register-SveltosCluster -Name $name -Namespace fleet -Kubeconfig $sim.KubeconfigPath -Confirm:$false | Out-Null
        }
        $replicas = @{ c1 = 3; c2 = 1; c3 = 3 }
        foreach ($name in $replicas.Keys) {
            kubectl --kubeconfig $sim.KubeconfigPath --context $name create deployment lua-web -n default --image=nginx --replicas=$($replicas[$name]) | Out-Null
        }
        foreach ($i in 1, 2) {
            kubectl --kubeconfig $sim.KubeconfigPath --context c3 create configmap "lua-web-$i" -n default | Out-Null
            kubectl --kubeconfig $sim.KubeconfigPath --context c3 label configmap "lua-web-$i" -n default tier=web | Out-Null
        }
        kubectl --kubeconfig $sim.KubeconfigPath --context c4 create configmap lua-web-1 -n default | Out-Null
        kubectl --kubeconfig $sim.KubeconfigPath --context c4 label configmap lua-web-1 -n default tier=web | Out-Null

        $script:threeReplicas = @{
            group = 'apps'; version = 'v1'; kind = 'Deployment'; namespace = 'default'
            evaluate = "function evaluate()`n  local hs = {}`n  hs.matching = obj.spec.replicas == 3`n  return hs`nend`n"
        }
        $script:twoWebConfigMaps = "function evaluate()`n  local hs = {}`n  hs.matching = #resources >= 2`n  hs.message = #resources .. ' web ConfigMaps'`n  return hs`nend`n"
    }
    AfterAll {
        Disconnect-SveltosFleet
        Remove-Item $luaFleet -Recurse -Force -ErrorAction Ignore
    }

    It 'labels the clusters whose objects a per-object evaluate script accepts' {
        New-ClusterClassifier -Name three-replicas -ClassifierLabel @{ replicas = 'three' } -ResourceSelector $threeReplicas |
            Save-ClusterClassifier -Confirm:$false
        $results = Invoke-ClusterClassification
        ($results | Where-Object Status -EQ 'Matched').Cluster | Sort-Object | Should -Be 'c1', 'c3'
        Get-Labelled replicas | Should -Be 'c1', 'c3'
    }

    It 'moves the label when a live object changes what the script sees' {
        kubectl --kubeconfig $sim.KubeconfigPath --context c2 scale deployment lua-web -n default --replicas=3 | Out-Null
        kubectl --kubeconfig $sim.KubeconfigPath --context c3 scale deployment lua-web -n default --replicas=2 | Out-Null
        Invoke-ClusterClassification | Out-Null
        Get-Labelled replicas | Should -Be 'c1', 'c2'
    }

    It 'labels the clusters an aggregatedClassification script accepts, and reports its message' {
        New-ClusterClassifier -Name web-config -ClassifierLabel @{ web = 'configured' } -ResourceSelector @{
            group = ''; version = 'v1'; kind = 'ConfigMap'; namespace = 'default'; labelFilters = @(@{ key = 'tier'; operation = 'Equal'; value = 'web' })
        } -AggregatedClassification $twoWebConfigMaps | Save-ClusterClassifier -Confirm:$false
        $results = Invoke-ClusterClassification | Where-Object Classifier -EQ 'web-config'
        ($results | Where-Object Status -EQ 'Matched').Cluster | Should -Be 'c3'
        ($results | Where-Object Cluster -EQ 'c4').Message | Should -Match 'aggregatedClassification: 1 web ConfigMaps'
        ($results | Where-Object Cluster -EQ 'c3').Message | Should -Match 'aggregatedClassification: 2 web ConfigMaps'
        Get-Labelled web | Should -Be 'c3'
    }

    It 'completes classifier names from the fleet' {
        foreach ($line in 'Get-ClusterClassifier -Name thr', 'Remove-ClusterClassifier thr') {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'three-replicas'
        }
        $line = 'Get-ClusterClassifier -Name *'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'three-replicas', 'web-config'
    }

    It 'stops a runaway script at its time limit, reports it per cluster, and still classifies the rest' {
        New-ClusterClassifier -Name runaway -ClassifierLabel @{ loop = 'forever' } -ResourceSelector @{
            group = 'apps'; version = 'v1'; kind = 'Deployment'; evaluate = 'function evaluate() while true do end end'
        } | Save-ClusterClassifier -Confirm:$false
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $results = Invoke-ClusterClassification -ErrorVariable err -ErrorAction SilentlyContinue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
            ($results | Where-Object { $_.Classifier -eq 'runaway' -and $_.Status -eq 'Failed' }).Cluster | Sort-Object | Should -Be 'c1', 'c2', 'c3'
            ($err | Where-Object FullyQualifiedErrorId -Like 'LuaScriptFailed,*')[0].Exception.Message |
                Should -Match 'Classifier/runaway spec.deployedResourceConstraint.resourceSelectors\[0\].evaluate failed on Deployment default/lua-web: resourceSelectors\[0\].evaluate ran longer than 2 s'
            Get-Labelled replicas | Should -Be 'c1', 'c2'
            Get-Labelled loop | Should -BeNullOrEmpty
        }
        finally { Remove-ClusterClassifier -Name runaway -Confirm:$false -ErrorAction Ignore }
    }

    It 'removes a classifier (after -WhatIf changed nothing), and the next classification withdraws its labels' {
        Remove-ClusterClassifier -Name three-* -WhatIf
        (Get-ClusterClassifier).Name | Should -Contain 'three-replicas'
        Get-ClusterClassifier three-replicas | Remove-ClusterClassifier -Confirm:$false
        (Get-ClusterClassifier).Name | Should -Not -Contain 'three-replicas'
        Get-Labelled replicas | Should -Be 'c1', 'c2'
        Invoke-ClusterClassification | Out-Null
        Get-Labelled replicas | Should -BeNullOrEmpty
        Get-Labelled web | Should -Be 'c3'
        Remove-ClusterClassifier -Name no-such -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ClassifierNotFound,*'
    }

    It 'rejects a script that does not compile, naming the field and the Lua error' {
        $broken = $threeReplicas.Clone()
        $broken.evaluate = "function evaluate()`n  return { matching = obj.spec.replicas > }`nend`n"
        New-ClusterClassifier -Name broken -ClassifierLabel @{ a = 'b' } -ResourceSelector $broken -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLuaScript,*'
        $err[0].Exception.Message | Should -Match "spec.deployedResourceConstraint.resourceSelectors\[0\].evaluate: resourceSelectors\[0\].evaluate:2: unexpected symbol near '}'"
    }
}

Describe 'Invoke-ProfileSync classifies first' {
    BeforeAll {
        $script:fleetPath = Join-Path ([IO.Path]::GetTempPath()) "sveltos-classify-sync-$([guid]::NewGuid())"
        New-Item -ItemType Directory $fleetPath | Out-Null
        $versions = @{ c1 = 'v1.27.9'; c2 = 'v1.28.3-eks-4f4795d'; c3 = 'v1.29.4'; c4 = 'v1.30.1+k3s1' }
        foreach ($name in $versions.Keys) {
            Set-KubeSimCluster $name -Version $versions[$name] | Out-Null
            Register-SveltosCluster -Name $name -Namespace fleet -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
        New-ClusterClassifier -Name mid-versions -ClassifierLabel @{ k8s = 'mid' } -KubernetesVersionConstraint '>=1.28.0', '<1.30.0' |
            Save-ClusterClassifier -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath
        Write-FleetContent $fleetPath mid "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: mid-addon, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleetPath mid '{k8s: mid}' mid
    }
    AfterAll { Remove-Item $fleetPath -Recurse -Force -ErrorAction Ignore }

    It 'deploys a version-range profile to exactly the matching clusters, and moves it when a version changes' {
        $results = Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath
        ($results | Where-Object Action -EQ 'Created').Cluster | Sort-Object | Should -Be 'fleet/c2', 'fleet/c3'

        Set-KubeSimCluster c3 -Version v1.30.2 | Out-Null
        Set-KubeSimCluster c1 -Version v1.28.0 | Out-Null
        $moved = Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath
        ($moved | Where-Object Action -EQ 'Created').Cluster | Should -Be 'fleet/c1'
        ($moved | Where-Object Action -EQ 'Deleted').Cluster | Should -Be 'fleet/c3'
        kubectl --kubeconfig $sim.KubeconfigPath --context c3 get configmap mid-addon -n default --ignore-not-found -o name | Should -BeNullOrEmpty
    }

    It 'withdraws the labels of a removed classifier, and with them the profile, even when no classifier is left' {
        Remove-ClusterClassifier -Name mid-versions -FleetPath $fleetPath -Confirm:$false
        # The profile then selects none of its clusters: the withdrawal guard asks for -Force.
        { Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -ErrorAction Stop } | Should -Throw -ErrorId 'WithdrawalNeedsForce,*'
        $results = Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -Force
        ($results | Where-Object Action -EQ 'Deleted').Cluster | Sort-Object | Should -Be 'fleet/c1', 'fleet/c2'
        (Get-SveltosCluster -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -SkipConnectionCheck | Where-Object { $_.Labels.ContainsKey('k8s') }) | Should -BeNullOrEmpty
    }

    It 'leaves classification alone with -SkipClassification' {
        Set-KubeSimCluster c4 -Version v1.29.0 | Out-Null
        (Invoke-ProfileSync -FleetPath $fleetPath -Kubeconfig $sim.KubeconfigPath -SkipClassification | Where-Object Cluster -EQ 'fleet/c4') | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-ProfileSync -Watch follows classification as clusters change' {
    BeforeAll {
        $script:watchFleet = Join-Path ([IO.Path]::GetTempPath()) "sveltos-classify-watch-$([guid]::NewGuid())"
        New-Item -ItemType Directory $watchFleet | Out-Null
        Set-KubeSimCluster c1 -Version v1.28.9 | Out-Null
        Set-KubeSimCluster c2 -Version v1.29.1 | Out-Null
        foreach ($name in 'c1', 'c2') {
            Register-SveltosCluster -Name $name -Namespace fleet -FleetPath $watchFleet -Kubeconfig $sim.KubeconfigPath | Out-Null
        }
        New-ClusterClassifier -Name modern -ClassifierLabel @{ k8s = 'modern' } -KubernetesVersionConstraint '>=1.29.0' |
            Save-ClusterClassifier -FleetPath $watchFleet -Kubeconfig $sim.KubeconfigPath
        Write-FleetContent $watchFleet modern "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: modern-addon, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $watchFleet modern '{k8s: modern}' modern

        function Get-Addon([string] $Cluster) {
            kubectl --kubeconfig $sim.KubeconfigPath --context $Cluster get configmap modern-addon -n default --ignore-not-found -o name
        }

        $script:ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($module, $path, $kubeconfig)
                Import-Module $module
                Invoke-ProfileSync -FleetPath $path -Kubeconfig $kubeconfig -Watch -Timeout 60 -ClassificationInterval 1 -Summary
            }).AddArgument($env:SVELTOS_MODULE).AddArgument($watchFleet).AddArgument($sim.KubeconfigPath)
        $script:async = $ps.BeginInvoke()
        Wait-Until { Get-Addon c2 } 20 | Out-Null
    }
    AfterAll {
        $ps.Stop()
        $ps.Dispose()
        Remove-Item $watchFleet -Recurse -Force -ErrorAction Ignore
    }

    It 'starts with the add-on on the matching cluster only' {
        Get-Addon c2 | Should -Not -BeNullOrEmpty
        Get-Addon c1 | Should -BeNullOrEmpty
    }

    It 'moves the add-on within the interval when the clusters are upgraded and downgraded' {
        Set-KubeSimCluster c1 -Version v1.29.3 | Out-Null
        Set-KubeSimCluster c2 -Version v1.28.7 | Out-Null
        Wait-Until { (Get-Addon c1) -and -not (Get-Addon c2) } 5 | Should -BeLessThan 5
    }

    It 'refuses an interval under one second' {
        { Invoke-ProfileSync -FleetPath $watchFleet -Kubeconfig $sim.KubeconfigPath -Watch -ClassificationInterval 0 -Timeout 1 } |
            Should -Throw -ErrorId 'InvalidClassificationInterval,Sveltos.Commands.InvokeProfileSyncCommand'
    }
}
