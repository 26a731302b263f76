# Content from Git, Flux sources and URLs, through the one source resolver, deployed end to end on KubeSim clusters:
# a Git repository the tests make (commits, tags) cloned directly from a fleet directory's GitRepository, the fleet's
# own checkout, a Flux GitRepository in a KubeSim management cluster whose artifact a loopback server serves, and
# remoteURLs (a file and a tarball) over HTTP with basic auth.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ChartRepositoryServer.psm1') -Force
    Import-BuiltSveltos

    function Invoke-Git { git -C $repo -c user.email=t@example.test -c user.name=test @args 2>&1 | Out-Null; if ($LASTEXITCODE) { throw "git $args failed" } }

    function Write-Overlay {
        # A kustomize tree: a base (Deployment, templated ConfigMap), a prod overlay setting replicas, a component.
        param([string] $Root, [int] $Replicas)
        Write-ChartFile $Root 'kz/base/kustomization.yaml' "resources: [deployment.yaml, settings.yaml]`n"
        Write-ChartFile $Root 'kz/base/deployment.yaml' "apiVersion: apps/v1`nkind: Deployment`nmetadata: {name: web}`nspec:`n  replicas: 1`n  selector: {matchLabels: {app: web}}`n  template:`n    metadata: {labels: {app: web}}`n    spec: {containers: [{name: web, image: nginx}]}`n"
        Write-ChartFile $Root 'kz/base/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: settings}`ndata:`n  team: '{{ .Team }}'`n"
        Write-ChartFile $Root 'kz/components/team/kustomization.yaml' "apiVersion: kustomize.config.k8s.io/v1alpha1`nkind: Component`ncommonLabels: {team: platform}`n"
        Write-ChartFile $Root 'kz/overlays/prod/kustomization.yaml' ("resources: [../../base]`npatches:`n  - patch: |-`n      - op: replace`n        path: /spec/replicas`n        value: $Replicas`n    target: {kind: Deployment, name: web}`n")
    }

    function Sync {
        [CmdletBinding()]
        param($Fleet)
        Invoke-ProfileSync -FleetPath $Fleet.Path -Kubeconfig $Fleet.Kubeconfig
    }
}

Describe 'Git directly: a GitRepository in the fleet directory, cloned with git' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' }; c2 = @{ env = 'prod' } }
        foreach ($c in 'c1', 'c2') { kubectl --kubeconfig $fleet.Kubeconfig --context $c create namespace shop | Out-Null }
        $script:repo = Join-Path $TestDrive 'repo'
        git init -q -b main $repo
        Write-Overlay $repo 2
        Write-ChartFile $repo 'manifests/app.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: app, namespace: shop}`ndata: {release: one}`n"
        Write-ChartFile $repo 'charts/hello/Chart.yaml' "apiVersion: v2`nname: hello`nversion: 0.1.0`n"
        Write-ChartFile $repo 'charts/hello/templates/cm.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: hello}`ndata: {from: git}`n"
        Invoke-Git add -A; Invoke-Git commit -q -m one; Invoke-Git tag -a v1.0.0 -m v1.0.0
        Write-Overlay $repo 3
        Write-ChartFile $repo 'manifests/app.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: app, namespace: shop}`ndata: {release: two}`n"
        Invoke-Git add -A; Invoke-Git commit -q -m two; Invoke-Git tag v1.1.0

        function Write-Source([string] $Ref) {
            New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'sources') | Out-Null
            Set-Content (Join-Path $fleet.Path 'sources/repo.yaml') "apiVersion: source.toolkit.fluxcd.io/v1`nkind: GitRepository`nmetadata: {name: repo, namespace: fleet}`nspec:`n  url: $repo`n  ref: $Ref`n"
        }
        Write-Source '{semver: "~1.0.0"}'
        Write-FleetContent $fleet.Path kz-values 'unused: true'
        Set-Content (Join-Path $fleet.Path 'content/kz-values.yaml') "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: kz-values, namespace: fleet}`ndata:`n  Team: '{{ .Cluster.metadata.name }}-team'`n"
        New-Item -ItemType Directory -Force (Join-Path $fleet.Path 'profiles') | Out-Null
        Set-Content (Join-Path $fleet.Path 'profiles/shop.yaml') @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata: {name: shop}
spec:
  clusterSelector: {matchLabels: {env: prod}}
  kustomizationRefs:
    - kind: GitRepository
      name: repo
      path: kz/overlays/prod
      targetNamespace: shop
      components: [../../components/team]
      valuesFrom: [{kind: ConfigMap, name: kz-values}]
  policyRefs:
    - {kind: GitRepository, name: repo, path: manifests}
  helmCharts:
    - {repositoryURL: gitrepository://fleet/repo/charts/hello, releaseName: hello, releaseNamespace: hello}
'@
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'deploys the kustomize overlay (with its component and values per cluster), the plain manifests and the chart at the tag semver picks' {
        $results = Sync $fleet -Verbose 4>&1
        $verbose = ($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"
        $verbose | Should -Match 'revision v1\.0\.0@sha1:[0-9a-f]{40}'
        foreach ($cluster in 'c1', 'c2') {
            $web = Get-Live $fleet $cluster deployment web -Namespace shop
            $web.spec.replicas | Should -Be 2
            $web.metadata.labels.team | Should -Be 'platform'
            $web.metadata.labels.'projectsveltos.io/reason' | Should -Be 'Kustomize'
            (Get-Live $fleet $cluster configmap settings -Namespace shop).data.team | Should -Be "$cluster-team"
            (Get-Live $fleet $cluster configmap app -Namespace shop).data.release | Should -Be 'one'
            (Get-Live $fleet $cluster configmap hello -Namespace hello).data.from | Should -Be 'git'
        }
    }

    It 'deploys the new revision when the ref moves to another tag, previewed first by -WhatIf and Expand-ClusterProfile' {
        Write-Source '{tag: v1.1.0}'
        $expanded = Expand-ClusterProfile -Name shop -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Kind -eq 'Deployment' }
        $expanded.Yaml | Should -Match 'replicas: 3'
        $planned = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -WhatIf | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Kind -eq 'Deployment' }
        $planned.Action | Should -Be 'WouldUpdate'
        $planned.Diff | Should -Match '-\s+replicas: 2'
        $planned.Diff | Should -Match '\+\s+replicas: 3'
        (Get-Live $fleet c1 deployment web -Namespace shop).spec.replicas | Should -Be 2
        Sync $fleet | Out-Null
        (Get-Live $fleet c1 deployment web -Namespace shop).spec.replicas | Should -Be 3
        (Get-Live $fleet c2 configmap app -Namespace shop).data.release | Should -Be 'two'
    }

    It 'a ref that does not exist fails each cluster naming profile and source, and withdraws nothing' {
        Write-Source '{branch: no-such-branch}'
        Sync $fleet -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -BeGreaterOrEqual 2
        "$($failures[0])" | Should -Match 'ClusterProfile/shop .*GitRepository fleet/repo.*has no ref ''refs/heads/no-such-branch'''
        (Get-Live $fleet c1 deployment web -Namespace shop).spec.replicas | Should -Be 3
        Get-Live $fleet c2 configmap app -Namespace shop | Should -Not -BeNullOrEmpty
    }

    It 'a branch is followed: a new commit on it is deployed by the next sync' {
        Write-Source '{branch: main}'
        Write-ChartFile $repo 'manifests/app.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: app, namespace: shop}`ndata: {release: three}`n"
        Invoke-Git add -A; Invoke-Git commit -q -m three
        Sync $fleet | Out-Null
        (Get-Live $fleet c1 configmap app -Namespace shop).data.release | Should -Be 'three'
    }
}

Describe 'The fleet directory''s own checkout' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        Write-ChartFile $fleet.Path 'addons/web/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: checkout, namespace: default}`ndata: {edit: one}`n"
        Write-ChartFile $fleet.Path 'sources/self.yaml' "apiVersion: source.toolkit.fluxcd.io/v1`nkind: GitRepository`nmetadata:`n  name: self`n  namespace: fleet`n  annotations: {pwsh.projectsveltos.io/fleet-checkout: 'true'}`nspec: {url: 'https://example.invalid/fleet.git'}`n"
        Write-ChartFile $fleet.Path 'profiles/self.yaml' "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata: {name: self}`nspec:`n  clusterSelector: {matchLabels: {env: prod}}`n  policyRefs: [{kind: GitRepository, name: self, path: addons/web}]`n"
    }
    AfterAll { Remove-TestFleet $fleet }

    It 'deploys files of the checkout by path, and an edit not committed anywhere by the next sync' {
        Sync $fleet | Out-Null
        (Get-Live $fleet c1 configmap checkout -Namespace default).data.edit | Should -Be 'one'
        Write-ChartFile $fleet.Path 'addons/web/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: checkout, namespace: default}`ndata: {edit: two}`n"
        (Sync $fleet | Where-Object Kind -EQ ConfigMap).Action | Should -Be 'Updated'
        (Get-Live $fleet c1 configmap checkout -Namespace default).data.edit | Should -Be 'two'
    }
}

Describe 'A Flux GitRepository in a management cluster, its artifact served on a loopback port' {
    BeforeAll {
        $script:sim = Start-TestKubeSim -Clusters c1
        $script:kc = $sim.KubeconfigPath
        Connect-SveltosFleet -Context mgmt -Kubeconfig $kc | Out-Null
        Register-SveltosCluster -Name c1 -Namespace fleet -Label @{ env = 'prod' } -Kubeconfig $kc | Out-Null
        function Invoke-Mgmt { param([Parameter(ValueFromPipeline)] $Yaml) process { $Yaml | kubectl --kubeconfig $kc --context mgmt apply -f - | Out-Null } }
        function Set-Artifact([string] $Digest) {
            # The URL the source-controller writes (cluster-local), reached through SVELTOS_SOURCE_CONTROLLER_URL as a port-forward would be.
            $status = @{ status = @{ artifact = @{ url = 'http://source-controller.flux-system.svc.cluster.local./gitrepository/flux-system/apps/artifact.tar.gz'; revision = 'main@sha1:0123456789abcdef0123456789abcdef01234567'; digest = $Digest }; conditions = @(@{ type = 'Ready'; status = 'True'; message = 'stored artifact' }) } } | ConvertTo-Json -Depth 6 -Compress
            kubectl --kubeconfig $kc --context mgmt patch gitrepository apps -n flux-system --subresource=status --type merge -p $status | Out-Null
        }
        @'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gitrepositories.source.toolkit.fluxcd.io}
spec:
  group: source.toolkit.fluxcd.io
  scope: Namespaced
  names: {kind: GitRepository, plural: gitrepositories, singular: gitrepository, listKind: GitRepositoryList}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
'@ | Invoke-Mgmt
        Start-Sleep -Milliseconds 300
        kubectl --kubeconfig $kc --context mgmt create namespace flux-system | Out-Null
        kubectl --kubeconfig $kc --context c1 create namespace shop | Out-Null
        "apiVersion: source.toolkit.fluxcd.io/v1`nkind: GitRepository`nmetadata: {name: apps, namespace: flux-system}`nspec: {interval: 1m, url: 'https://example.invalid/apps.git', ref: {branch: main}}`n" | Invoke-Mgmt

        $tree = Join-Path $TestDrive 'artifact-tree'
        Write-Overlay $tree 4
        $served = Join-Path $TestDrive 'served'
        New-Item -ItemType Directory -Force (Join-Path $served 'gitrepository/flux-system/apps') | Out-Null
        $script:artifact = Join-Path $served 'gitrepository/flux-system/apps/artifact.tar.gz'
        tar -czf $artifact -C $tree .
        $script:digest = 'sha256:' + (Get-FileHash $artifact -Algorithm SHA256).Hash.ToLowerInvariant()
        $script:server = Start-TestChartRepository -Root $served
        $env:SVELTOS_SOURCE_CONTROLLER_URL = $server.Url
        @'
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata: {name: apps}
spec:
  clusterSelector: {matchLabels: {env: prod}}
  kustomizationRefs:
    - {kind: GitRepository, namespace: flux-system, name: apps, path: ./kz/overlays/prod, targetNamespace: shop, values: {Team: flux}}
'@ | Set-Content (Join-Path $TestDrive 'apps.yaml')
        Import-ClusterProfile (Join-Path $TestDrive 'apps.yaml') | Save-ClusterProfile -Confirm:$false
    }
    AfterAll {
        $env:SVELTOS_SOURCE_CONTROLLER_URL = $null
        Stop-TestChartRepository $server
        Disconnect-SveltosFleet
        Stop-KubeSim $sim
    }

    It 'waits (Pending, nothing deployed) while the source has no artifact' {
        $summary = Invoke-ProfileSync -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        $summary.Status | Should -Be 'Pending'
        "$warnings" | Should -Match 'GitRepository flux-system/apps it has no artifact yet'
        kubectl --kubeconfig $kc --context c1 get deployment web -n shop --ignore-not-found | Should -BeNullOrEmpty
    }

    It 'deploys the artifact once the source reports it, downloaded once and verified' {
        Set-Artifact $digest
        (Invoke-ProfileSync -Summary).Status | Should -Be 'Provisioned'
        (kubectl --kubeconfig $kc --context c1 get deployment web -n shop -o json | ConvertFrom-Json).spec.replicas | Should -Be 4
        (kubectl --kubeconfig $kc --context c1 get configmap settings -n shop -o json | ConvertFrom-Json).data.team | Should -Be 'flux'
        Invoke-ProfileSync | Out-Null
        $server.Requests['/gitrepository/flux-system/apps/artifact.tar.gz'] | Should -Be 1
    }

    It 'an artifact whose digest does not match is refused, naming source and digests, and nothing is withdrawn' {
        Set-Artifact ('sha256:' + ('0' * 64))
        Invoke-ProfileSync -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'ClusterProfile/apps kustomizationRefs\[0\] \(GitRepository flux-system/apps path ./kz/overlays/prod\): the artifact of GitRepository flux-system/apps downloaded from .* has digest sha256:[0-9a-f]{64}, not sha256:0{64}'
        kubectl --kubeconfig $kc --context c1 get deployment web -n shop -o name | Should -Be 'deployment.apps/web'
    }
}

Describe 'remoteURL: a file and a tarball over HTTP, behind basic auth' {
    BeforeAll {
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 create namespace shop | Out-Null
        $served = Join-Path $TestDrive 'remote'
        Write-ChartFile $served 'app.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: remote-app, namespace: default}`ndata: {from: url}`n"
        $tree = Join-Path $TestDrive 'remote-tree'
        Write-Overlay $tree 5
        tar -czf (Join-Path $served 'kz.tar.gz') -C $tree .
        $script:credential = [pscredential]::new('reader', (ConvertTo-SecureString 's3cr3t-pass' -AsPlainText -Force))
        $script:server = Start-TestChartRepository -Root $served -Credential $credential
        Write-ChartFile $fleet.Path 'content/remote-auth.yaml' "apiVersion: v1`nkind: Secret`nmetadata: {name: remote-auth, namespace: fleet}`nstringData: {username: reader, password: s3cr3t-pass}`n"
        function Write-RemoteProfile([string] $SecretRef = 'secretRef: {name: remote-auth}') {
            Write-ChartFile $fleet.Path 'profiles/remote.yaml' @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata: {name: remote}
spec:
  clusterSelector: {matchLabels: {env: prod}}
  policyRefs:
    - remoteURL: {url: '$($server.Url)/app.yaml', interval: 1h, $SecretRef}
  kustomizationRefs:
    - remoteURL: {url: '$($server.Url)/kz.tar.gz', interval: 1h, $SecretRef}
      path: kz/overlays/prod
      targetNamespace: shop
      values: {Team: remote}
"@
        }
    }
    AfterAll {
        Stop-TestChartRepository $server
        Remove-TestFleet $fleet
    }

    It 'without the Secret the server''s 401 is a clear error that never shows a credential' {
        Write-RemoteProfile -SecretRef 'plainHTTP: false'
        Sync $fleet -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        "$($failures[0])" | Should -Match 'ClusterProfile/remote policyRef \(remoteURL http://127\.0\.0\.1:\d+/app\.yaml path \.\): http://127\.0\.0\.1:\d+/app\.yaml answered 401'
        Get-Live $fleet c1 configmap remote-app -Namespace default | Should -BeNullOrEmpty
    }

    It 'deploys the file and the tarball''s kustomize overlay with the Secret''s credentials, and fetches again only after the interval' {
        Write-RemoteProfile
        $output = Sync $fleet -Verbose 4>&1
        (Get-Live $fleet c1 configmap remote-app -Namespace default).data.from | Should -Be 'url'
        (Get-Live $fleet c1 deployment web -Namespace shop).spec.replicas | Should -Be 5
        (Get-Live $fleet c1 configmap settings -Namespace shop).data.team | Should -Be 'remote'
        ($output | Out-String) | Should -Not -Match 's3cr3t-pass'
        $before = $server.Requests['/kz.tar.gz']
        Sync $fleet | Out-Null
        $server.Requests['/kz.tar.gz'] | Should -Be $before
    }

    It 'an unreachable URL fails only its own profile, naming it, while the other profile stays deployed' {
        Write-ChartFile $fleet.Path 'profiles/unreachable.yaml' "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata: {name: unreachable}`nspec:`n  clusterSelector: {matchLabels: {env: prod}}`n  policyRefs: [{remoteURL: {url: 'http://127.0.0.1:9/gone.yaml'}}]`n"
        $summary = Invoke-ProfileSync -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig -Summary -ErrorVariable failures -ErrorAction SilentlyContinue
        ($summary | Where-Object Profile -EQ 'ClusterProfile/unreachable').Status | Should -Be 'Failed'
        ($summary | Where-Object Profile -EQ 'ClusterProfile/remote').Status | Should -Be 'Unchanged'
        "$($failures[0])" | Should -Match 'ClusterProfile/unreachable policyRef \(remoteURL http://127\.0\.0\.1:9/gone\.yaml path \.\): http://127\.0\.0\.1:9/gone\.yaml cannot be reached'
        (Get-Live $fleet c1 configmap remote-app -Namespace default).data.from | Should -Be 'url'
    }
}

Describe 'remoteURL: an OCI artifact in a real registry (docker-registry) behind basic auth' {
    BeforeAll {
        Import-Module (Join-Path $env:SVELTOS_REPO 'build/ChartRegistry.psm1') -Force
        $script:registry = Start-ChartRegistry -Auth Basic
        $credential = [pscredential]::new($registry.Username, (ConvertTo-SecureString $registry.Password -AsPlainText -Force))
        $bundle = Join-Path $TestDrive 'kzbundle'
        Write-ChartFile $bundle 'Chart.yaml' "apiVersion: v2`nname: kzbundle`nversion: 1.0.0`n"
        Write-Overlay $bundle 6
        $script:pushed = Publish-HelmChart $bundle -Repository "oci://$($registry.Host)/bundles" -PlainHttp -Credential $credential
        $script:fleet = New-TestFleet @{ c1 = @{ env = 'prod' } }
        kubectl --kubeconfig $fleet.Kubeconfig --context c1 create namespace shop | Out-Null
        Write-ChartFile $fleet.Path 'content/registry.yaml' "apiVersion: v1`nkind: Secret`nmetadata: {name: registry, namespace: fleet}`nstringData: {username: '$($registry.Username)', password: '$($registry.Password)'}`n"
        Write-ChartFile $fleet.Path 'profiles/oci.yaml' @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata: {name: oci}
spec:
  clusterSelector: {matchLabels: {env: prod}}
  kustomizationRefs:
    - remoteURL: {url: 'oci://$($registry.Host)/bundles/kzbundle:1.0.0', plainHTTP: true, secretRef: {name: registry}}
      path: kzbundle/kz/overlays/prod
      targetNamespace: shop
      values: {Team: oci}
"@
    }
    AfterAll {
        if ($registry) { Stop-ChartRegistry $registry }
        if ($fleet) { Remove-TestFleet $fleet }
    }

    It 'pulls the artifact with the Secret''s credentials, verified by digest, and deploys the overlay in it' {
        $output = Sync $fleet -Verbose 4>&1 | Out-String
        (Get-Live $fleet c1 deployment web -Namespace shop).spec.replicas | Should -Be 6
        (Get-Live $fleet c1 configmap settings -Namespace shop).data.team | Should -Be 'oci'
        $output | Should -Not -Match ([regex]::Escape($registry.Password))
        (Get-ClusterSummary -FleetPath $fleet.Path -Kubeconfig $fleet.Kubeconfig | Where-Object Profile -EQ 'ClusterProfile/oci').Status | Should -Be 'Provisioned'
    }
}
