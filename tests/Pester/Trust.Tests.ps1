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
  validateHealths:
  - {name: up, featureID: Resources, group: apps, version: v1, kind: Deployment}
'@
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'reports NotSupported per cluster naming the profile and field, fails the pair, and withdraws nothing' {
        $summary = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Summary -ErrorVariable failures -ErrorAction SilentlyContinue
        $? | Should -BeFalse
        $summary.Status | Should -Be 'Failed', 'Failed'
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | Should -BeLike 'NotSupported,*'
        ($failures | ForEach-Object { "$_" }) -join "`n" | Should -Match "Cluster 'fleet/c1': ClusterProfile/web spec.validateHealths\[0\]"
        ($failures | ForEach-Object { "$_" }) -join "`n" | Should -Match "Cluster 'fleet/c2'"
        foreach ($cluster in 'c1', 'c2') { Get-Live $fleet $cluster configmap settings | Should -Not -BeNullOrEmpty }
    }

    It 'shows Failed with the reason in Get-ClusterSummary, not Provisioned' {
        $records = Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object Profile -EQ 'ClusterProfile/web'
        $records.Status | Should -Be 'Failed', 'Failed'
        $records[0].Message | Should -Match 'spec.validateHealths\[0\]'
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
    - {repositoryURL: https://kyverno.github.io/kyverno/, repositoryName: kyverno, chartName: kyverno/kyverno, chartVersion: v3.3.3, releaseName: kyverno, releaseNamespace: kyverno, options: {upgradeOptions: {recreate: true}}}
    - {repositoryURL: s3://bucket/charts/app, releaseName: app, releaseNamespace: app}
'@
    }

    It 'Import-ClusterProfile warns once per field it will not deploy, naming file and field, and still returns the profile' {
        $profile = Import-ClusterProfile $chartFile -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $profile.Name | Should -Be 'charts'
        $warnings.Count | Should -Be 3
        $warnings[0].Message | Should -BeLike "*charts.yaml``[0``] spec.reloader: Restarting workloads when a ConfigMap or Secret they mount changes (reloader) is not supported*"
        $warnings[1].Message | Should -BeLike "*charts.yaml``[0``] spec.helmCharts``[0``].options.upgradeOptions.recreate: Recreating pods on upgrade (upgradeOptions.recreate) is not supported by this version of the module, so a sync deploys nothing of ClusterProfile/charts*Remove spec.helmCharts``[0``].options.upgradeOptions.recreate from the profile*"
        $warnings[2].Message | Should -BeLike "*spec.helmCharts``[1``].repositoryURL: A chart from a s3:// source is not supported*"
    }

    It 'New-ClusterProfile warns for each unsupported field it was given, and only for those' {
        New-ClusterProfile -Name plain -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; name = 'web' } -Tier 10 -WarningVariable plainWarnings | Out-Null
        $plainWarnings | Should -BeNullOrEmpty
        $profile = New-ClusterProfile -Name fluxy -ClusterSelector 'env=prod' -Reloader -PolicyRef @{ kind = 'GitRepository'; namespace = 'flux-system'; name = 'repo' } -WarningVariable warnings -WarningAction SilentlyContinue
        $profile.Name | Should -Be 'fluxy'
        $warnings.Message | Should -Be @(
            'ClusterProfile/fluxy spec.reloader: Restarting workloads when a ConfigMap or Secret they mount changes (reloader) is not supported by this version of the module, so a sync deploys nothing of ClusterProfile/fluxy to a cluster it matches and withdraws nothing of it there. Remove spec.reloader from the profile, or wait for a version of the module that supports it.'
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
Describe 'Trust 3: in CI, a broken profile, a failed render, a conflict or an unreachable cluster fails the job' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        Write-FleetContent $fleet.Path web $WebContent
        Write-FleetProfile $fleet.Path web '{env: prod}' web
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Out-Null
        # Line 9, column 13 of the file is the misspelt value.
        Write-FleetProfile $fleet.Path broken '{env: prod}' web "  syncMode: Continous"
        $script:checkout = Split-Path $fleet.Path
        $script:brokenFile = "$(Split-Path $fleet.Path -Leaf)/profiles/broken.yaml"

        function Get-CiScript([string] $Variables, [string] $ErrorAction = 'Continue') {
            # What a CI step runs: the sync, then more of the script, which must still run.
            @"
$Variables
Import-Module '$env:SVELTOS_MODULE'
Invoke-ProfileSync -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' -ErrorAction $ErrorAction | Out-Null
'the script went on'
"@
        }
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'makes pwsh -<Mode> exit non-zero with a <CiHost> annotation at the invalid profile''s file and line' -ForEach @(
        @{ CiHost = 'GitHub Actions'; Mode = 'File'; Variables = '$env:GITHUB_ACTIONS = "true"; $env:TF_BUILD = $null; $env:GITHUB_WORKSPACE = "{0}"'; Pattern = '^::error file={0},line=9,col=13,title=InvalidProfileField::.*spec\.syncMode: ''Continous''.*left as deployed' }
        @{ CiHost = 'GitHub Actions'; Mode = 'Command'; Variables = '$env:GITHUB_ACTIONS = "true"; $env:TF_BUILD = $null; $env:GITHUB_WORKSPACE = "{0}"'; Pattern = '^::error file={0},line=9,col=13,title=InvalidProfileField::.*spec\.syncMode: ''Continous''.*left as deployed' }
        @{ CiHost = 'Azure Pipelines'; Mode = 'File'; Variables = '$env:GITHUB_ACTIONS = $null; $env:TF_BUILD = "True"; $env:BUILD_SOURCESDIRECTORY = "{0}"'; Pattern = '^##vso\[task\.logissue type=error;sourcepath={0};linenumber=9;columnnumber=13;code=InvalidProfileField;\].*spec\.syncMode: ''Continous''' }
        @{ CiHost = 'Azure Pipelines'; Mode = 'Command'; Variables = '$env:GITHUB_ACTIONS = $null; $env:TF_BUILD = "True"; $env:BUILD_SOURCESDIRECTORY = "{0}"'; Pattern = '^##vso\[task\.logissue type=error;sourcepath={0};linenumber=9;columnnumber=13;code=InvalidProfileField;\].*spec\.syncMode: ''Continous''' }
    ) {
        $run = Invoke-Pwsh (Get-CiScript ($Variables -f $checkout)) -Mode $Mode
        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
        @($run.Output -match ($Pattern -f [regex]::Escape($brokenFile))) | Should -HaveCount 1 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'the script went on'

        # Errors the script silences are its own business; outside CI nothing changes.
        $silenced = Invoke-Pwsh (Get-CiScript ($Variables -f $checkout) -ErrorAction SilentlyContinue) -Mode $Mode
        $silenced.ExitCode | Should -Be 0 -Because ($silenced.Output -join "`n")
        $silenced.Output -match '^::error|^##vso' | Should -BeNullOrEmpty
        $local = Invoke-Pwsh (Get-CiScript '$env:GITHUB_ACTIONS = $null; $env:TF_BUILD = $null') -Mode $Mode
        $local.ExitCode | Should -Be 0
    }

    It 'fails a GitHub shell: pwsh step, whose wrapper exits with $LASTEXITCODE, even after a native command set it to 0' {
        # GitHub runs `pwsh -command ". '{0}'"` on the step's script with these lines added before and after it.
        $step = Join-Path $TestDrive 'step.ps1'
        Set-Content $step @"
`$ErrorActionPreference = 'stop'
`$ErrorActionPreference = 'Continue'
Import-Module '$env:SVELTOS_MODULE'
kubectl version --client -o json | Out-Null
Invoke-ProfileSync -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' | Out-Null
if ((Test-Path -LiteralPath variable:\LASTEXITCODE)) { exit `$LASTEXITCODE }
"@
        $run = Invoke-Pwsh "`$env:GITHUB_ACTIONS = 'true'; . '$step'" -Mode Command
        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
    }

    It 'never closes a session that reads its commands, in a CI host too' {
        $pwsh = $env:SVELTOS_PWSH -split [IO.Path]::PathSeparator
        $ci = $env:GITHUB_ACTIONS
        $env:GITHUB_ACTIONS = 'true'
        try {
            $output = @(
                "Import-Module '$env:SVELTOS_MODULE'"
                "Invoke-ProfileSync -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' | Out-Null"
                "'still open'"
                'exit 7'
            ) | & $pwsh[0] $pwsh[1] -NoProfile 2>&1 | ForEach-Object { "$_" }
            $code = $LASTEXITCODE
        }
        finally { $env:GITHUB_ACTIONS = $ci }
        ($output -join "`n") | Should -Match '::error .*title=InvalidProfileField'
        $output -match 'still open' | Should -Not -BeNullOrEmpty
        $code | Should -Be 7
    }

    It 'reports an unreachable cluster as an error naming it, with an annotation' {
        Set-KubeSimCluster c2 -Down | Out-Null
        try {
            $run = Invoke-Pwsh @"
`$env:GITHUB_ACTIONS = 'true'
Import-Module '$env:SVELTOS_MODULE'
Invoke-ProfileSync web -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' -ErrorVariable failures 2>`$null | Out-Null
foreach (`$failure in `$failures) { 'record: ' + `$failure.FullyQualifiedErrorId + ' | ' + `$failure }
"@
        }
        finally { Set-KubeSimCluster c2 -Up | Out-Null }
        $run.ExitCode | Should -Be 1
        $run.Output -match "^record: ClusterUnreachable,.* \| Cluster 'fleet/c2'" | Should -HaveCount 1 -Because ($run.Output -join "`n")
        $run.Output -match "^::error title=ClusterUnreachable::Cluster 'fleet/c2'" | Should -HaveCount 1 -Because ($run.Output -join "`n")
    }

    It 'reports each object in conflict as an error naming the cluster and profile, with an annotation' {
        Write-FleetProfile $fleet.Path rival '{env: prod}' web
        try {
            $run = Invoke-Pwsh @"
`$env:TF_BUILD = 'True'
Import-Module '$env:SVELTOS_MODULE'
Invoke-ProfileSync rival -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' -ErrorVariable failures 2>`$null | Out-Null
foreach (`$failure in `$failures) { 'record: ' + `$failure.FullyQualifiedErrorId + ' | ' + `$failure }
"@
        }
        finally { Remove-Item (Join-Path $fleet.Path 'profiles/rival.yaml') }
        $run.ExitCode | Should -Be 1
        $records = $run.Output -match '^record: ObjectConflict,'
        $records | Should -HaveCount 6 -Because 'three objects on each of two clusters'
        $records -match "\| Cluster 'fleet/c1', ClusterProfile/rival: Deployment web/frontend: owned by ClusterProfile web" | Should -HaveCount 1
        $run.Output -match '^##vso\[task\.logissue type=error;code=ObjectConflict;\]Cluster ''fleet/c\d'', ClusterProfile/rival: ' | Should -HaveCount 6
    }

    It 'shows a failed render in Get-ClusterSummary as Failed, with the reason' {
        Write-FleetContent $fleet.Path web $WebContent.Replace('color: blue', 'color: {{ .Cluster.metadata.name') -Annotations @{ 'projectsveltos.io/template' = 'true' }
        try {
            $null = Invoke-ProfileSync web -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures | Should -HaveCount 2
            ($failures | ForEach-Object { "$_" } | Sort-Object)[0] | Should -BeLike "Cluster 'fleet/c1', ClusterProfile/web: ConfigMap fleet/web key 'manifests.yaml' *"
            $summary = Get-ClusterSummary web -Cluster c1 -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
            $summary.Status | Should -Be 'Failed'
            $summary.Message | Should -Not -BeNullOrEmpty
            $summary | Format-Table | Out-String -Width 80 | Should -Match 'fleet/c1\s+ClusterProfile/web\s+Failed'
        }
        finally { Write-FleetContent $fleet.Path web $WebContent }
    }

    It 'annotates the errors of every cmdlet, through the one path they all take' {
        foreach ($command in Get-Command -Module Sveltos) {
            $command.ImplementingType.IsSubclassOf([Sveltos.Infrastructure.SveltosCmdlet]) | Should -BeTrue -Because "$($command.Name) must report through SveltosCmdlet"
        }
        $missing = Join-Path $TestDrive 'no-such-fleet'
        $calls = @(
            'Get-SveltosCluster', 'Get-ClusterProfile', 'Get-ClusterClassifier', 'Get-ClusterSummary', 'Test-Drift', 'Watch-Drift -Timeout 1',
            'Invoke-ProfileSync', 'Invoke-ClusterClassification', 'Expand-ClusterProfile -Name web', 'Set-SveltosCluster c1 -AddLabel @{ a = "b" }',
            'Unregister-SveltosCluster c1 -Confirm:$false', 'Register-SveltosCluster c9 -Context c1', 'Remove-ClusterProfile web -Confirm:$false',
            'Remove-ClusterClassifier x -Confirm:$false', '(New-ClusterProfile -Name x -ClusterSelector a=b) | Save-ClusterProfile'
        )
        $run = Invoke-Pwsh (@(
                '$env:GITHUB_ACTIONS = "true"'
                "Import-Module '$env:SVELTOS_MODULE'"
                foreach ($call in $calls) { "$call -FleetPath '$missing' 2>`$null | Out-Null; '---'" }
            ) -join "`n")
        $run.ExitCode | Should -Be 1
        $annotated = ($run.Output -join "`n") -split '(?m)^---$'
        for ($i = 0; $i -lt $calls.Count; $i++) {
            $annotated[$i] | Should -Match '::error title=FleetDirectoryNotFound::' -Because $calls[$i]
        }
    }
}

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
Describe 'Trust 7: the first hour: names, completion, registration, help, the fleet layout and views' {
    BeforeAll {
        $script:fleet = New-TestFleet @{
            'eu-prod-1' = @{ env = 'prod'; region = 'eu' }; 'eu-prod-2' = @{ env = 'prod'; region = 'eu' }
            'us-prod-1' = @{ env = 'prod'; region = 'us' }; 'us-prod-2' = @{ env = 'prod'; region = 'us'; tier = 'edge' }
        }
        $script:f = @{ FleetPath = $fleet.Path; Kubeconfig = $fleet.Kubeconfig }
        Write-FleetContent $fleet.Path web $WebContent
        Write-FleetProfile $fleet.Path web '{env: prod}' web
        Write-FleetContent $fleet.Path api "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: api, namespace: default}`ndata: {a: b}"
        Write-FleetProfile $fleet.Path api '{env: prod}' api
        New-ClusterClassifier -Name large -ClassifierLabel @{ size = 'large' } -KubernetesVersionConstraint @{ comparison = 'GreaterThanOrEqualTo'; version = '1.20.0' } |
            Save-ClusterClassifier -FleetPath $fleet.Path -Confirm:$false
        Invoke-ProfileSync @f -SkipClassification | Out-Null
        Write-FleetProfile $fleet.Path broken '{env: prod}' web "  syncMode: Continous"

        function Get-Failure([scriptblock] $Call) {
            # Runs a call (dot-sourced, so -ErrorVariable lands here) and returns the errors it wrote.
            $failures = $null
            $null = . $Call -ErrorVariable failures -ErrorAction SilentlyContinue
            , @($failures)
        }
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'reports a misspelt profile as ProfileNotFound in <Command>, with the name it meant' -ForEach @(
        @{ Command = 'Invoke-ProfileSync'; Call = { Invoke-ProfileSync wbe @f -SkipClassification @args } }
        @{ Command = 'Test-Drift'; Call = { Test-Drift -Profile wbe @f @args } }
        @{ Command = 'Watch-Drift'; Call = { Watch-Drift -Profile wbe -Timeout 30 @f @args } }
        @{ Command = 'Get-ClusterSummary'; Call = { Get-ClusterSummary -Profile wbe @f @args } }
        @{ Command = 'Expand-ClusterProfile'; Call = { Expand-ClusterProfile -Name wbe @f @args } }
        @{ Command = 'Get-ClusterProfile'; Call = { Get-ClusterProfile -Name wbe -FleetPath $fleet.Path @args } }
        @{ Command = 'Remove-ClusterProfile'; Call = { Remove-ClusterProfile -Name wbe -FleetPath $fleet.Path -Confirm:$false @args } }
    ) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $failures = Get-Failure $Call
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20 -Because 'a misspelt name ends the command at once'
        $notFound = $failures | Where-Object FullyQualifiedErrorId -Like 'ProfileNotFound,*'
        $notFound | Should -HaveCount 1 -Because (($failures | Out-String))
        "$($notFound[0])" | Should -Match "Profile 'wbe' was not found in fleet directory .*Did you mean 'web'\?"
    }

    It 'answers Test-Drift -Quiet about a misspelt profile with an error and no $false' {
        $answer = Test-Drift -Profile wbe -Quiet @f -ErrorVariable failures -ErrorAction SilentlyContinue
        $answer | Should -BeNullOrEmpty
        $failures.FullyQualifiedErrorId | Should -BeLike 'ProfileNotFound,*'
        Test-Drift -Profile web -Quiet @f | Should -BeFalse
    }

    It 'reports an unknown cluster as ClusterNotFound in <Command>, and does nothing for it' -ForEach @(
        @{ Command = 'Invoke-ProfileSync'; Call = { Invoke-ProfileSync @f -SkipClassification -Cluster eu-prd-1 @args } }
        @{ Command = 'Test-Drift'; Call = { Test-Drift @f -Cluster eu-prd-1 @args } }
        @{ Command = 'Watch-Drift'; Call = { Watch-Drift @f -Cluster eu-prd-1 -Timeout 30 @args } }
        @{ Command = 'Get-ClusterSummary'; Call = { Get-ClusterSummary @f -Cluster eu-prd-1 @args } }
        @{ Command = 'Expand-ClusterProfile'; Call = { Expand-ClusterProfile -Name web @f -Cluster eu-prd-1 @args } }
        @{ Command = 'Get-SveltosCluster'; Call = { Get-SveltosCluster eu-prd-1 @f -SkipConnectionCheck @args } }
        @{ Command = 'Set-SveltosCluster'; Call = { Set-SveltosCluster eu-prd-1 -AddLabel @{ a = 'b' } -FleetPath $fleet.Path @args } }
        @{ Command = 'Unregister-SveltosCluster'; Call = { Unregister-SveltosCluster eu-prd-1 @f -Confirm:$false @args } }
    ) {
        $failures = $null
        $output = . $Call -ErrorVariable failures -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failures.FullyQualifiedErrorId | Should -BeLike 'ClusterNotFound,*'
        "$($failures[0])" | Should -Match "Cluster 'eu-prd-1' was not found in fleet directory .*Did you mean 'eu-prod-1'"
    }

    It 'says that a profile is invalid, with its problem, when it is named: <Command>' -ForEach @(
        @{ Command = 'Invoke-ProfileSync'; Call = { Invoke-ProfileSync broken @f -SkipClassification @args } }
        @{ Command = 'Expand-ClusterProfile'; Call = { Expand-ClusterProfile -Name broken @f @args } }
    ) {
        $failures = Get-Failure $Call
        $failures.FullyQualifiedErrorId | Should -BeLike 'ProfileInvalid,*'
        "$($failures[0])" | Should -Match "(?s)ClusterProfile/broken in fleet directory .* is invalid .*profiles/broken.yaml\[0\] spec\.syncMode: 'Continous' is not one of"
    }

    It 'takes plain cluster names, and profiles from Get-ClusterProfile, in every cmdlet that reads what was deployed' {
        $planned = Invoke-ProfileSync web @f -SkipClassification -Cluster eu-prod-1, 'fleet/us-*' -WhatIf
        $planned.Cluster | Sort-Object -Unique | Should -Be 'fleet/eu-prod-1', 'fleet/us-prod-1', 'fleet/us-prod-2'
        (Get-ClusterSummary @f -Cluster eu-prod-2).Cluster | Sort-Object -Unique | Should -Be 'fleet/eu-prod-2'

        $web = Get-ClusterProfile web -FleetPath $fleet.Path
        $web | Should -HaveCount 1
        $web | Test-Drift @f -Quiet | Should -BeFalse
        ($web | Get-ClusterSummary @f).Profile | Sort-Object -Unique | Should -Be 'ClusterProfile/web'
        ($web | Expand-ClusterProfile @f -Cluster us-prod-2).Name | Should -Be 'web', 'frontend', 'settings'
        kubectl --kubeconfig $fleet.Kubeconfig --context eu-prod-1 scale deployment frontend -n web --replicas=3 | Out-Null
        try { ($web | Test-Drift @f).Cluster | Should -Be 'fleet/eu-prod-1' }
        finally { kubectl --kubeconfig $fleet.Kubeconfig --context eu-prod-1 scale deployment frontend -n web --replicas=2 | Out-Null }
    }

    It 'completes <Parameter> of <Command> from the fleet, never with file names' -ForEach @(
        @{ Command = 'Invoke-ProfileSync'; Parameter = 'Name'; Typed = ''; Expected = 'api', 'web' }
        @{ Command = 'Test-Drift'; Parameter = 'Profile'; Typed = 'w'; Expected = 'web' }
        @{ Command = 'Watch-Drift'; Parameter = 'Profile'; Typed = ''; Expected = 'api', 'web' }
        @{ Command = 'Get-ClusterSummary'; Parameter = 'Profile'; Typed = 'a'; Expected = 'api' }
        @{ Command = 'Set-SveltosCluster us-prod-2'; Parameter = 'RemoveLabel'; Typed = ''; Expected = 'env', 'region', 'tier' }
        @{ Command = 'Invoke-ProfileSync'; Parameter = 'Cluster'; Typed = 'eu'; Expected = 'eu-prod-1', 'eu-prod-2' }
        @{ Command = 'Test-Drift'; Parameter = 'Cluster'; Typed = 'us-prod-2'; Expected = 'us-prod-2' }
        @{ Command = 'Watch-Drift'; Parameter = 'Cluster'; Typed = 'u'; Expected = 'us-prod-1', 'us-prod-2' }
        @{ Command = 'Get-ClusterSummary'; Parameter = 'Cluster'; Typed = 'e'; Expected = 'eu-prod-1', 'eu-prod-2' }
        @{ Command = 'Expand-ClusterProfile web'; Parameter = 'Cluster'; Typed = 'eu-prod-2'; Expected = 'eu-prod-2' }
        @{ Command = 'Get-SveltosCluster'; Parameter = 'Selector'; Typed = 't'; Expected = 'tier=edge' }
    ) {
        Push-Location (New-Item -ItemType Directory (Join-Path $TestDrive "files-$([guid]::NewGuid())"))
        try {
            foreach ($file in 'web.txt', 'api.txt', 'eu-file.txt', 'us-file.txt', 'env.txt', 'large.txt', 'tier.txt', 'region.txt') { New-Item -ItemType File $file | Out-Null }
            $line = "$Command -FleetPath '$($fleet.Path)' -Kubeconfig '$($fleet.Kubeconfig)' -$Parameter $Typed"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Expected
        }
        finally { Pop-Location }
    }

    It 'has a fleet completer on every profile, cluster, classifier, label and context parameter of every cmdlet' {
        $named = @{
            Cluster = 'clusters'; Profile = 'profiles'; ManagementContext = 'contexts'; Context = 'contexts'; RemoveLabel = 'label keys'
            DependsOn = 'profiles'; Selector = 'labels'; ClusterSelector = 'labels'; ClusterRef = 'clusters'
        }
        $namesOf = @{ ClusterProfile = 'profiles'; SveltosCluster = 'clusters'; ClusterClassifier = 'classifiers' }
        foreach ($command in Get-Command -Module Sveltos) {
            foreach ($parameter in $command.Parameters.Values) {
                $what = if ($named.ContainsKey($parameter.Name) -and $parameter.ParameterType -ne [Sveltos.ClusterProfile[]]) { $named[$parameter.Name] }
                elseif ($parameter.Name -eq 'Name' -and $command.Verb -notin 'New', 'Register') { $namesOf[$command.Noun] ?? 'profiles' }
                if (-not $what) { continue }
                $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                $completer | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $($command.Name) names $what"
            }
        }
    }

    It 'refuses to register a cluster whose context does not exist, naming the kubeconfig and its contexts' {
        $failures = Get-Failure { Register-SveltosCluster ghost -Context nosuch @f @args }
        $failures.FullyQualifiedErrorId | Should -BeLike 'KubeconfigContextNotFound,*'
        "$($failures[0])" | Should -Match ([regex]::Escape($fleet.Kubeconfig))
        "$($failures[0])" | Should -Match "'eu-prod-1', 'eu-prod-2'"
        Test-Path (Join-Path $fleet.Path 'clusters/ghost.yaml') | Should -BeFalse
        (Get-Failure { Get-SveltosCluster ghost @f -SkipConnectionCheck @args }).FullyQualifiedErrorId | Should -BeLike 'ClusterNotFound,*'
    }

    It 'unregisters a cluster whose context is gone with -Force, without an error; without -Force it stays' {
        $ghost = Join-Path $fleet.Path 'clusters/ghost.yaml'
        Set-Content $ghost "apiVersion: lib.projectsveltos.io/v1beta1`nkind: SveltosCluster`nmetadata:`n  name: ghost`n  namespace: fleet`n  annotations: {pwsh.projectsveltos.io/context: nosuch}`nspec: {}"
        try {
            $kept = Get-Failure { Unregister-SveltosCluster ghost @f -Confirm:$false -WarningAction SilentlyContinue @args }
            $kept.FullyQualifiedErrorId | Should -Contain 'WithdrawalFailed,Sveltos.Commands.UnregisterSveltosClusterCommand'
            Test-Path $ghost | Should -BeTrue

            Unregister-SveltosCluster ghost @f -Force -Confirm:$false -ErrorVariable failures -WarningVariable warnings -WarningAction SilentlyContinue
            $failures | Should -BeNullOrEmpty
            ($warnings -join "`n") | Should -Match "Cluster 'fleet/ghost': Context 'nosuch' is not defined"
            Test-Path $ghost | Should -BeFalse
        }
        finally { Remove-Item $ghost -ErrorAction Ignore }
    }

    It 'shows parameter types, about topics and online help as Get-Help users expect' {
        (Get-Help Invoke-ProfileSync).syntax | Out-String -Width 300 | Should -Match '-Timeout <TimeSpan>'
        (Get-Help Invoke-ProfileSync).syntax | Out-String -Width 300 | Should -Not -Match '`'
        (Get-Help about_Sveltos).Synopsis | Should -Be 'Manage Kubernetes add-ons across a fleet of clusters with Sveltos ClusterProfiles, from pwsh.'
        { Get-Help Test-Drift -Online -ErrorAction Stop } | Should -Throw -ExpectedMessage '*not specified*'
    }

    It 'deploys the fleet directory example of the README, as it is written there' {
        $readme = Get-Content -Raw (Join-Path $env:SVELTOS_REPO 'README.md')
        $section = [regex]::Match($readme, '(?s)## The fleet directory\n(.*?)\n## ').Groups[1].Value
        $blocks = [regex]::Matches($section, '(?s)```(\w+)\n(.*?)```') | ForEach-Object { [pscustomobject]@{ Language = $_.Groups[1].Value; Text = $_.Groups[2].Value } }
        $files = $blocks | Where-Object { $_.Language -eq 'yaml' -and $_.Text -match '^# (fleet/\S+)' }
        $files | Should -HaveCount 3
        $commands = $blocks | Where-Object Language -EQ 'powershell'
        $commands | Should -HaveCount 2

        $sim = Start-TestKubeSim -Clusters prod-1
        $work = New-Item -ItemType Directory (Join-Path $TestDrive "readme-$([guid]::NewGuid())")
        Push-Location $work
        $kubeconfig = $env:KUBECONFIG
        $env:KUBECONFIG = $sim.KubeconfigPath
        try {
            New-Item -ItemType Directory fleet | Out-Null
            foreach ($file in $files | Where-Object { $_.Text -notmatch '^# \S+ \(written by' }) {
                $path = ($file.Text -split "`n")[0].Substring(2)
                New-Item -ItemType Directory -Force (Split-Path $path) | Out-Null
                Set-Content $path $file.Text
            }
            $output = foreach ($block in $commands) { Invoke-Expression $block.Text }
            (Get-Content -Raw fleet/fleet.yaml) | Should -Match '(?m)^kind: Fleet$'
            $written = $files | Where-Object { $_.Text -match '^# fleet/clusters/prod-1.yaml \(written by' }
            (Get-Content -Raw fleet/clusters/prod-1.yaml).Trim() | Should -Be (($written.Text -split "`n" | Select-Object -Skip 1) -join "`n").Trim()
            ($output | Where-Object { $_ -is [Sveltos.SyncSummary] }).Status | Should -Be 'Provisioned'
            ($output | Where-Object { $_ -is [Sveltos.ClusterSummary] }).Status | Should -Be 'Provisioned'
            kubectl --kubeconfig $sim.KubeconfigPath --context prod-1 get configmap settings -n web -o jsonpath='{.data.color}' | Should -Be 'blue'
        }
        finally {
            $env:KUBECONFIG = $kubeconfig
            Pop-Location
            Stop-KubeSim $sim
        }
    }

    It 'fits every default table in 80 columns without cutting headers or typical names' {
        kubectl --kubeconfig $fleet.Kubeconfig --context eu-prod-1 scale deployment frontend -n web --replicas=3 | Out-Null
        $outputs = @(
            Get-SveltosCluster @f
            Get-ClusterProfile web -FleetPath $fleet.Path
            Invoke-ProfileSync web @f -SkipClassification -WhatIf
            Invoke-ProfileSync web @f -SkipClassification -Summary -WhatIf
            Get-ClusterSummary web @f
            Expand-ClusterProfile -Name web @f -Cluster eu-prod-1
            Test-Drift web @f
            Get-ClusterClassifier -FleetPath $fleet.Path
            Invoke-ClusterClassification @f -WhatIf
            Connect-SveltosFleet -Path $fleet.Path
        )
        Disconnect-SveltosFleet
        kubectl --kubeconfig $fleet.Kubeconfig --context eu-prod-1 scale deployment frontend -n web --replicas=2 | Out-Null
        $outputs | Should -Not -BeNullOrEmpty
        foreach ($group in $outputs | Group-Object { $_.GetType().FullName }) {
            $table = $group.Group | Format-Table | Out-String -Width 80
            $lines = $table -split "`r?`n"
            $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty -Because $group.Name
            $labels = (Get-FormatData -TypeName $group.Name).FormatViewDefinition[0].Control.Headers.Label
            foreach ($label in $labels) { $table | Should -Match "(?m)^(.*\s)?$([regex]::Escape($label))(\s|$)" -Because "$($group.Name) shows the header $label in full" }
            $table | Should -Not -Match '…' -Because "$($group.Name) cuts nothing:`n$table"
            foreach ($property in 'Cluster', 'Profile', 'Identity', 'Status') {
                $value = $group.Group[0].PSObject.Properties[$property].Value
                if ($value -is [string] -and $value) { $table | Should -Match ([regex]::Escape($value)) -Because "$($group.Name) shows its $property in full" }
            }
        }
    }

    It 'writes results in a stable order, cluster by cluster, whatever order the clusters finish in' {
        # Six objects per cluster, applied on four clusters at once: the clusters' results would interleave as they finish.
        $orders = foreach ($run in 1..2) {
            Write-FleetContent $fleet.Path order ((1..6 | ForEach-Object { "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: order-$_, namespace: default}`ndata: {run: '$run'}" }) -join "`n---`n")
            Write-FleetProfile $fleet.Path order '{env: prod}' order
            $results = Invoke-ProfileSync order @f -SkipClassification
            $results | Should -HaveCount 24
            ($results | ForEach-Object { "$($_.Cluster) $($_.Name)" }) -join "`n"
        }
        $orders[0] | Should -Be $orders[1]
        $clusters = ($orders[0] -split "`n") | ForEach-Object { ($_ -split ' ')[0] }
        $clusters | Should -Be ($clusters | Sort-Object)
        $summaries = Get-ClusterSummary @f
        ($summaries | ForEach-Object { "$($_.Cluster) $($_.Profile)" }) | Should -Be ($summaries | ForEach-Object { "$($_.Cluster) $($_.Profile)" } | Sort-Object)
    }

    It 'prints only what changed in each -Watch round, and nothing for a round that changed nothing' {
        # Earlier tests scaled a Deployment by hand: converge first, so the first round has nothing to print.
        Invoke-ProfileSync @f -SkipClassification -ErrorAction SilentlyContinue | Out-Null
        $changed = $WebContent.Replace('color: blue', 'color: green')
        $job = Start-Job {
            param($path, $content, $helpers)
            Import-Module $helpers
            Start-Sleep 4
            Set-Content (Join-Path $path 'content/notes.yaml') "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: notes, namespace: fleet}`ndata: {a: b}"
            Start-Sleep 4
            Write-FleetContent $path web $content
        } -ArgumentList $fleet.Path, $changed, (Join-Path $PSScriptRoot 'TestHelpers.psm1')
        try {
            $output = Invoke-ProfileSync @f -SkipClassification -Watch -Timeout 14 -Verbose -ErrorAction SilentlyContinue 4>&1
        }
        finally { $job | Receive-Job -Wait -AutoRemoveJob | Out-Null }
        $results = $output | Where-Object { $_ -is [Sveltos.SyncResult] }
        $results | ForEach-Object { "$($_.Cluster) $($_.Kind)/$($_.Name) $($_.Action)" } |
            Should -Be 'fleet/eu-prod-1 ConfigMap/settings Updated', 'fleet/eu-prod-2 ConfigMap/settings Updated', 'fleet/us-prod-1 ConfigMap/settings Updated', 'fleet/us-prod-2 ConfigMap/settings Updated'
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -eq 'This round changed nothing.' }).Count | Should -BeGreaterOrEqual 2
        Write-FleetContent $fleet.Path web $WebContent
        Remove-Item (Join-Path $fleet.Path 'content/notes.yaml')
    }
}

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
`$env:GITHUB_WORKSPACE = '$(Split-Path $profilesDir)'
Import-Module '$env:SVELTOS_MODULE'
Set-Location '$profilesDir'
`$null = Import-ClusterProfile typo.yaml -ErrorVariable e 2>`$null
exit 0
"@
        ($output -join "`n") | Should -Match "::error file=profiles/typo\.yaml,line=8,col=3,title=UnknownProfileField::typo\.yaml\[0\] spec\.policyref: unknown field 'policyref'"
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
