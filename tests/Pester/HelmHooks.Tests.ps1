# Helm hooks, wait, timeout and atomic in a helmCharts sync, end to end on KubeSim clusters (whose simulated
# controllers complete Jobs and run-to-completion Pods, and fail a container whose command is `false`): the order
# hooks run in, their delete policies, a failing hook, an upgrade that never becomes ready, and atomic's roll back.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ChartRepositoryServer.psm1') -Force
    Import-Module (Join-Path $env:SVELTOS_REPO 'build/ChartRegistry.psm1') -Force
    Import-BuiltSveltos

    $script:savedCache = $env:SVELTOS_HELM_CACHE
    $env:SVELTOS_HELM_CACHE = Join-Path $TestDrive 'cache'

    function Write-HookedChart {
        param([string] $Root, [string] $Version)
        $chart = Join-Path $Root "hooked-$Version"
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: hooked`nversion: $Version`n"
        Write-ChartFile $chart 'values.yaml' "color: blue`nlb: false`nmigrate: [sh, -c, exit 0]`ncheck: [sh, -c, exit 0]`n"
        Write-ChartFile $chart 'templates/settings.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
data:
  color: {{ .Values.color | quote }}
'@
        Write-ChartFile $chart 'templates/lb.yaml' @'
{{- if .Values.lb }}
apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-lb
spec:
  type: LoadBalancer
  selector: {app: hooked}
  ports: [{port: 80}]
{{- end }}
'@
        Write-ChartFile $chart 'templates/hooks/prepare.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-prepare
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-5"
data:
  revision: {{ .Release.Revision | quote }}
'@
        Write-ChartFile $chart 'templates/hooks/migrate.yaml' @'
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-migrate
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-delete-policy: before-hook-creation,hook-failed
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: busybox:1.36
          command: {{ toJson .Values.migrate }}
'@
        Write-ChartFile $chart 'templates/tests/check.yaml' @'
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-check
  annotations:
    helm.sh/hook: test
spec:
  restartPolicy: Never
  containers:
    - name: check
      image: busybox:1.36
      command: {{ toJson .Values.check }}
'@
        Write-ChartFile $chart 'templates/hooks/done.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-done
  annotations:
    helm.sh/hook: post-install,post-upgrade
    helm.sh/hook-delete-policy: hook-succeeded
'@
        Write-ChartFile $chart 'templates/hooks/goodbye.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-goodbye-before
  annotations:
    helm.sh/hook: pre-delete
'@
        Write-ChartFile $chart 'templates/hooks/after.yaml' @'
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-goodbye-after
  annotations:
    helm.sh/hook: post-delete
spec:
  restartPolicy: Never
  containers:
    - name: bye
      image: busybox:1.36
      command: [sh, -c, exit 0]
'@
        $chart
    }

    function Write-HookedProfile {
        param([string] $Release = 'web', [string] $Values = 'color: blue', [string] $Options = '', [string] $Action = 'Install')
        Write-HelmChartProfile $fleet -RepositoryUrl $repo.Url -Chart hooked -Version 0.1.0 -Release $Release -Values $Values -Options $Options -Action $Action
    }

    function Sync {
        [CmdletBinding()]
        param()
        Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
    }

    function Get-ReleaseRevisions([string] $Release = 'web') {
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 get secrets -n apps -l "owner=helm,name=$Release" -o json | ConvertFrom-Json |
            ForEach-Object items | ForEach-Object { [pscustomobject]@{ Version = [int]$_.metadata.labels.version; Status = $_.metadata.labels.status } } |
            Sort-Object Version
    }

    $script:repoRoot = Join-Path $TestDrive 'repo'
    Publish-HelmChart (Write-HookedChart (Join-Path $TestDrive 'src') '0.1.0') -Repository $repoRoot | Out-Null
    $script:repo = Start-TestChartRepository -Root $repoRoot
    $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
    New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'profiles') | Out-Null
}

AfterAll {
    Remove-TestFleet $fleet
    Stop-TestChartRepository $repo
    $env:SVELTOS_HELM_CACHE = $savedCache
}

Describe 'Hooks run as helm install and helm upgrade run them' {
    It 'install: pre-install hooks by weight, then the objects, then post-install hooks, then the release is stored' {
        Write-HookedProfile
        $results = @(Sync | Where-Object Cluster -EQ 'fleet/c1')
        $order = $results.Name
        $order.IndexOf('web-prepare') | Should -BeLessThan $order.IndexOf('web-migrate')
        $order.IndexOf('web-migrate') | Should -BeLessThan $order.IndexOf('web-settings')
        $order.IndexOf('web-settings') | Should -BeLessThan $order.IndexOf('web-done')
        $order.IndexOf('web-done') | Should -BeLessThan $order.IndexOf('sh.helm.release.v1.web.v1')
        ($results | Where-Object Name -EQ 'web-done').Message | Should -Match 'post-install hook .*deleted \(hook-succeeded\)'

        (Get-Live $fleet c1 configmap web-prepare -Namespace apps).data.revision | Should -Be '1'
        (Get-Live $fleet c1 job web-migrate -Namespace apps).status.conditions.type | Should -Contain 'Complete'
        Get-Live $fleet c1 configmap web-done -Namespace apps | Should -BeNullOrEmpty
        Get-Live $fleet c2 configmap web-settings -Namespace apps | Should -Not -BeNullOrEmpty
        (Get-ReleaseRevisions).Status | Should -Be @('deployed')
    }

    It 'a re-sync of the unchanged release runs no hook' {
        $uid = (Get-Live $fleet c1 job web-migrate -Namespace apps).metadata.uid
        $results = @(Sync)
        $results.Action | Should -Not -Contain 'Created'
        (Get-Live $fleet c1 job web-migrate -Namespace apps).metadata.uid | Should -Be $uid
    }

    It 'upgrade: pre-upgrade hooks recreated (before-hook-creation), post-upgrade hooks, revision 2' {
        $uid = (Get-Live $fleet c1 job web-migrate -Namespace apps).metadata.uid
        Write-HookedProfile -Values 'color: green'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap web-prepare -Namespace apps).data.revision | Should -Be '2'
        (Get-Live $fleet c1 job web-migrate -Namespace apps).metadata.uid | Should -Not -Be $uid
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'green'
        Get-Live $fleet c1 configmap web-goodbye-before -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions).Status | Should -Be @('superseded', 'deployed')
    }

    It 'a failing pre-upgrade hook stops the upgrade on each cluster: error names the hook, objects and release stay at revision 2' {
        Write-HookedProfile -Values "color: red`nmigrate: ['false']"
        $results = Sync -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'Job apps/web-migrate: pre-upgrade hook \(hooked/templates/hooks/migrate.yaml\) of release apps/web failed: the job failed: BackoffLimitExceeded'
        ($results | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Name -eq 'web-migrate' }).Action | Should -Be 'Failed'
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'green'
        Get-Live $fleet c1 job web-migrate -Namespace apps | Should -BeNullOrEmpty -Because 'hook-failed deletes it'
        (Get-ReleaseRevisions).Status | Should -Be @('superseded', 'deployed')
        (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object Cluster -EQ 'fleet/c1').Status | Should -Be 'Failed'
    }

    It 'the next sync after the fix finishes the job: revision 3' {
        Write-HookedProfile -Values 'color: red'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'red'
        (Get-ReleaseRevisions).Version | Should -Be @(2, 3)
        (Get-ReleaseRevisions | Select-Object -Last 1).Status | Should -Be 'deployed'
    }
}

Describe 'Test-HelmRelease runs the test hooks, only when asked' {
    It 'no sync ran the test hook; Test-HelmRelease runs it on each cluster and reports it passed' {
        Get-Live $fleet c1 pod web-check -Namespace apps | Should -BeNullOrEmpty
        $results = Test-HelmRelease -Profile web -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig
        $results.Count | Should -Be 2
        $results.Result | Sort-Object -Unique | Should -Be 'Passed'
        ($results | Where-Object Cluster -EQ 'fleet/c1').Test | Should -Be 'Pod/apps/web-check'
        ($results | Where-Object Cluster -EQ 'fleet/c1').Revision | Should -Be 3
        (Get-Live $fleet c1 pod web-check -Namespace apps).status.phase | Should -Be 'Succeeded'
        Test-HelmRelease -Profile web -ReleaseName nothing-like-it -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Should -BeNullOrEmpty
    }

    It 'a failing test is a Failed result and an error naming cluster, release and hook; -WhatIf runs nothing' {
        Write-HookedProfile -Values "color: red`ncheck: ['false']"
        Sync | Out-Null
        $uid = (Get-Live $fleet c1 pod web-check -Namespace apps).metadata.uid
        Test-HelmRelease -Profile web -WhatIf -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Should -BeNullOrEmpty
        (Get-Live $fleet c1 pod web-check -Namespace apps).metadata.uid | Should -Be $uid

        $results = Test-HelmRelease -Profile web -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue
        $results.Result | Sort-Object -Unique | Should -Be 'Failed'
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match "fleet/c[12].*test hook Pod/apps/web-check \(hooked/templates/tests/check.yaml\) of release apps/web failed: the pod failed"

        Write-HookedProfile -Values 'color: red'
        Sync | Out-Null
    }
}

Describe 'wait, timeout and atomic' {
    It 'wait: an upgrade whose objects do not become ready fails after the timeout; the objects stay, the release does not move' {
        Write-HookedProfile -Values "color: amber`nlb: true" -Options "wait: true`ntimeout: 1s"
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'release apps/web \(upgrade to revision 6\): 1 object\(s\) not ready within the timeout \(00:00:01\): Service/apps/web-lb: no load balancer ingress yet'
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'amber'
        Get-Live $fleet c1 service web-lb -Namespace apps | Should -Not -BeNullOrEmpty
        Get-Live $fleet c1 configmap web-done -Namespace apps | Should -BeNullOrEmpty -Because 'post-upgrade hooks run only after the wait'
        (Get-ReleaseRevisions).Version | Should -Be @(4, 5)
    }

    It 'atomic: the failed upgrade is rolled back to the last good revision, what it created removed' {
        # Revision 5 again: what the failed upgrade left is put back without a new revision.
        Write-HookedProfile -Values 'color: red' | Out-Null
        Sync | Out-Null
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'red'
        Get-Live $fleet c1 service web-lb -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions).Version | Should -Be @(4, 5)

        Write-HookedProfile -Values "color: violet`nlb: true" -Options "atomic: true`ntimeout: 1s"
        $results = Sync -ErrorVariable failures -ErrorAction SilentlyContinue
        "$($failures[0])" | Should -Match 'atomic: rolled back to revision 5'
        ($results | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Name -eq 'web-settings' }).Message | Should -Be 'rolled back (atomic)'
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'red'
        Get-Live $fleet c1 service web-lb -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions | Select-Object -Last 1) | Should -BeLike '*Version=5*Status=deployed*'

        # What the record lists matches what is live: a drift check finds nothing to repair.
        Write-HookedProfile -Values 'color: red'
        @(Sync).Action | Where-Object { $_ -notin 'Unchanged' } | Should -BeNullOrEmpty
    }
}

Describe 'cleanupOnFail' {
    It 'a failed upgrade removes the objects it created and leaves what it changed; the release does not move' {
        Write-HookedProfile -Values "color: teal`nlb: true" -Options "wait: true`ntimeout: 1s`nupgradeOptions:`n  cleanupOnFail: true"
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'cleanupOnFail: 1 object\(s\) the upgrade created removed'
        Get-Live $fleet c1 service web-lb -Namespace apps | Should -BeNullOrEmpty
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'teal'
        (Get-ReleaseRevisions | Select-Object -Last 1) | Should -BeLike '*Version=5*Status=deployed*'

        Write-HookedProfile -Values 'color: red'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap web-settings -Namespace apps).data.color | Should -Be 'red'
    }
}

Describe 'Uninstall and disableHooks' {
    It 'disableHooks installs without running hooks; the release still stores them' {
        Write-HookedProfile -Release quiet -Options 'disableHooks: true'
        Sync | Out-Null
        Get-Live $fleet c1 configmap quiet-settings -Namespace apps | Should -Not -BeNullOrEmpty
        Get-Live $fleet c1 configmap quiet-prepare -Namespace apps | Should -BeNullOrEmpty
        Get-Live $fleet c1 job quiet-migrate -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions quiet).Status | Should -Be @('deployed')
    }

    It 'helmChartAction Uninstall runs pre-delete hooks, removes the objects and storage, then post-delete hooks' {
        Write-HookedProfile -Action Uninstall
        Sync | Out-Null
        Get-Live $fleet c1 configmap web-goodbye-before -Namespace apps | Should -Not -BeNullOrEmpty
        (Get-Live $fleet c1 pod web-goodbye-after -Namespace apps).status.phase | Should -Be 'Succeeded'
        Get-Live $fleet c1 configmap web-settings -Namespace apps | Should -BeNullOrEmpty
        Get-ReleaseRevisions | Should -BeNullOrEmpty
    }

    It 'uninstallOptions.keepHistory keeps the storage, the deployed revision marked uninstalled; the objects go' {
        Write-HookedProfile -Release quiet -Action Uninstall -Options "disableHooks: true`nuninstallOptions:`n  keepHistory: true"
        Sync | Out-Null
        Get-Live $fleet c1 configmap quiet-settings -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions quiet).Status | Should -Be @('uninstalled')
        $again = @(Sync)
        ($again | Where-Object Action -NE 'Unchanged' | ForEach-Object { "$($_.Cluster) $($_.Kind)/$($_.Name) $($_.Action) $($_.Message)" }) | Should -BeNullOrEmpty
    }

    It 'installing over a kept history needs installOptions.replace, as helm install does' {
        Write-HookedProfile -Release quiet -Values 'color: pink' -Options 'disableHooks: true'
        Sync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 2
        "$($failures[0])" | Should -Match 'release name is still in use'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'installOptions.replace: true'

        Write-HookedProfile -Release quiet -Values 'color: pink' -Options "disableHooks: true`ninstallOptions:`n  replace: true"
        Sync | Out-Null
        (Get-Live $fleet c1 configmap quiet-settings -Namespace apps).data.color | Should -Be 'pink'
        (Get-ReleaseRevisions quiet).Status | Should -Be @('uninstalled', 'deployed')
    }

    It 'upgradeOptions.resetThenReuseValues keeps the last release''s values under the new ones' {
        Write-HookedProfile -Release quiet -Values 'lb: false' -Options "disableHooks: true`nupgradeOptions:`n  resetThenReuseValues: true"
        Sync | Out-Null
        (Get-Live $fleet c1 configmap quiet-settings -Namespace apps).data.color | Should -Be 'pink'
        (Get-ReleaseRevisions quiet).Version | Should -Be @(2, 3) -Because 'maxHistory (2) prunes the oldest revision'
    }

    It 'a cluster that stops matching has the release uninstalled with its delete hooks, unless they were disabled' {
        Set-SveltosCluster -Name c2 -Namespace fleet -Label @{ env = 'gone' } -FleetPath $fleet.Path | Out-Null
        Sync | Out-Null
        Get-Live $fleet c2 configmap quiet-settings -Namespace apps | Should -BeNullOrEmpty
        Get-Live $fleet c2 configmap quiet-goodbye-before -Namespace apps | Should -BeNullOrEmpty -Because 'quiet has disableHooks, recorded with the release'
    }
}

Describe 'A cluster that goes down in the middle of an upgrade' {
    It 'is a per-cluster error; the other cluster upgrades; the release keeps its last good revision and the next sync finishes it' {
        Set-SveltosCluster -Name c2 -Namespace fleet -Label @{ env = 'prod' } -FleetPath $fleet.Path | Out-Null
        Write-HookedProfile -Release mid -Values 'color: one'
        Sync | Out-Null
        (Get-ReleaseRevisions mid).Version | Should -Be @(1)

        # c1 waits for a LoadBalancer that never gets an ingress; c2's upgrade is ready at once.
        Write-HookedProfile -Release mid -Values "color: two`nlb: {{ eq .Cluster.metadata.name `"c1`" }}" -Options "wait: true`ntimeout: 60s"
        $run = Start-Background {
            param($sink, $path, $kubeconfig)
            try { Invoke-ProfileSync -FleetPath $path -Kubeconfig $kubeconfig -ErrorAction Continue 2>&1 | ForEach-Object { $null = $sink.Add($_) } }
            catch { $null = $sink.Add($_) }
        } $fleet.Path, $fleet.Kubeconfig
        try {
            Wait-Until { (Get-Live $fleet c1 service mid-lb -Namespace apps) -and (kubectl --kubeconfig $fleet.Kubeconfig --context c2 get secret sh.helm.release.v1.mid.v2 -n apps --ignore-not-found -o name) } 30 | Out-Null
            Set-KubeSimCluster c1 -Down -KubeSim $fleet.Sim | Out-Null
            $run.PowerShell.EndInvoke($run.Async) | Out-Null
        }
        finally {
            Set-KubeSimCluster c1 -Up -KubeSim $fleet.Sim | Out-Null
            $run.PowerShell.Dispose()
        }

        $errors = @($run.Output | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $errors.Count | Should -BeGreaterThan 0
        "$($errors[0])" | Should -Match "fleet/c1"
        "$($errors[0])" | Should -Match 'ClusterProfile/mid: release apps/mid \(upgrade to revision 2\): .*unreachable.*; the deployment record could not be written either'
        (kubectl --kubeconfig $fleet.Kubeconfig --context c2 get configmap mid-settings -n apps -o jsonpath='{.data.color}') | Should -Be 'two'
        (Get-ReleaseRevisions mid).Version | Should -Be @(1) -Because 'c1 keeps revision 1, deployed'
        (Get-ReleaseRevisions mid | Select-Object -Last 1).Status | Should -Be 'deployed'

        Write-HookedProfile -Release mid -Values 'color: two'
        Sync | Out-Null
        (Get-Live $fleet c1 configmap mid-settings -Namespace apps).data.color | Should -Be 'two'
        Get-Live $fleet c1 service mid-lb -Namespace apps | Should -BeNullOrEmpty
        (Get-ReleaseRevisions mid).Status | Should -Be @('superseded', 'deployed')
    }
}
