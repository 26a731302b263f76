BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:savedKubeconfig = $env:KUBECONFIG
    $script:savedHome = $env:HOME
}

AfterAll {
    $env:KUBECONFIG = $savedKubeconfig
    $env:HOME = $savedHome
}

Describe 'Get-SveltosCluster over kubeconfig contexts' {
    BeforeAll {
        $script:fleet = New-TestKubeconfig -Path (Join-Path $TestDrive 'fleet') -Cluster 'prod-2', 'prod-1', 'dev-1'
    }

    It 'returns one cluster per context, in name order, with its server and namespace' {
        $clusters = Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $fleet
        $clusters.Name | Should -Be 'dev-1', 'prod-1', 'prod-2'
        $prod1 = $clusters | Where-Object Name -EQ 'prod-1'
        $prod1.Context | Should -Be 'prod-1'
        $prod1.Server | Should -Be 'https://prod-1.example.test:6443'
        $prod1.Namespace | Should -Be 'ns-prod-1'
        $prod1.Labels.Count | Should -Be 0
        $prod1.Source | Should -Be $fleet
        $prod1.Type | Should -Be 'Kubeconfig'
        $prod1.ConnectionStatus | Should -Be 'Unknown'
        $prod1 | Should -BeOfType 'Sveltos.SveltosCluster'
    }

    It 'filters by wildcard name, case-insensitively' {
        (Get-SveltosCluster -SkipConnectionCheck -Name 'PROD-*' -Kubeconfig $fleet).Name | Should -Be 'prod-1', 'prod-2'
    }

    It 'takes names from the pipeline' {
        ('dev-1', 'prod-2' | Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $fleet).Name | Should -Be 'dev-1', 'prod-2'
    }

    It 'reports a literal name that matches nothing as ClusterNotFound and still returns the rest' {
        $found = Get-SveltosCluster -SkipConnectionCheck -Name 'nope', 'dev-1' -Kubeconfig $fleet -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'dev-1'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ClusterNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'resolves -Kubeconfig relative to the current PowerShell location' {
        Push-Location $TestDrive
        try { (Get-SveltosCluster -SkipConnectionCheck -Kubeconfig ./fleet).Count | Should -Be 3 }
        finally { Pop-Location }
    }

    It 'shows a table with cluster, type, readiness, version, connection status and labels' {
        $table = Get-SveltosCluster -Kubeconfig $fleet -SkipConnectionCheck | Format-Table | Out-String
        $table | Should -Match 'Cluster\s+Type\s+Ready\s+Version\s+Status\s+Labels'
        $table | Should -Match 'ns-prod-1/prod-1\s+Kubeconfig\s+True\s+Unknown'
    }

    It 'reports clusters it cannot reach as Down, with the reason' {
        $cluster = Get-SveltosCluster -Name 'dev-1' -Kubeconfig $fleet
        $cluster.ConnectionStatus | Should -Be 'Down'
        $cluster.Message | Should -Match "dev-1"
    }

    It 'completes cluster names for -Name' {
        $line = "Get-SveltosCluster -Kubeconfig '$fleet' -Name pro"
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Be 'prod-1', 'prod-2'
    }
}

Describe 'Kubeconfig merging as kubectl does it' {
    BeforeAll {
        $script:first = Join-Path $TestDrive 'first'
        $script:second = Join-Path $TestDrive 'second'
        Set-Content $first @'
clusters:
- name: shared
  cluster: {server: https://first.example.test}
contexts:
- name: shared
  context: {cluster: shared, user: u}
- name: only-first
  context: {cluster: shared, user: u}
users:
- name: u
  user: {token: t1}
'@
        Set-Content $second @'
clusters:
- name: shared
  cluster: {server: https://second.example.test}
- name: other
  cluster: {server: https://other.example.test}
contexts:
- name: shared
  context: {cluster: other, user: u}
- name: only-second
  context: {cluster: other, user: u}
users:
- name: u
  user: {token: t2}
'@
    }

    It 'merges every file in $env:KUBECONFIG, the first file winning for an entry' {
        $env:KUBECONFIG = $first, $second -join [IO.Path]::PathSeparator
        $clusters = Get-SveltosCluster -SkipConnectionCheck
        $clusters.Name | Should -Be 'only-first', 'only-second', 'shared'
        ($clusters | Where-Object Name -EQ 'shared').Server | Should -Be 'https://first.example.test'
        ($clusters | Where-Object Name -EQ 'only-second').Server | Should -Be 'https://other.example.test'
    }

    It 'skips files in $env:KUBECONFIG that do not exist' {
        $env:KUBECONFIG = (Join-Path $TestDrive 'missing'), $second -join [IO.Path]::PathSeparator
        (Get-SveltosCluster -SkipConnectionCheck).Name | Should -Be 'only-second', 'shared'
    }

    It 'merges several -Kubeconfig files the same way' {
        $env:KUBECONFIG = $null
        (Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $second, $first | Where-Object Name -EQ 'shared').Server | Should -Be 'https://other.example.test'
    }

    It 'falls back to ~/.kube/config' {
        $env:KUBECONFIG = $null
        $env:HOME = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory (Join-Path $env:HOME '.kube') -Force | Out-Null
        New-TestKubeconfig -Path (Join-Path $env:HOME '.kube/config') -Cluster 'home-1' | Out-Null
        try { (Get-SveltosCluster -SkipConnectionCheck).Name | Should -Be 'home-1' }
        finally { $env:HOME = $savedHome }
    }
}

Describe 'Bad kubeconfig input' {
    BeforeEach {
        $env:KUBECONFIG = $null
    }

    It 'stops with KubeconfigNotFound naming a missing -Kubeconfig file' {
        $missing = Join-Path $TestDrive 'does-not-exist'
        $e = { Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $missing } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'KubeconfigNotFound,*'
        $e.Exception.Message | Should -BeLike "*$missing*"
    }

    It 'stops with KubeconfigNotFound when no file of $env:KUBECONFIG exists' {
        $env:KUBECONFIG = Join-Path $TestDrive 'nothing-here'
        $e = { Get-SveltosCluster -SkipConnectionCheck } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'KubeconfigNotFound,*'
        $e.Exception.Message | Should -BeLike '*nothing-here*'
    }

    It 'stops with KubeconfigMalformed naming the file and line of broken YAML' {
        $bad = Join-Path $TestDrive 'malformed'
        Set-Content $bad "clusters:`n- name: a`n  cluster: {server: [unclosed`n"
        $e = { Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $bad } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'KubeconfigMalformed,*'
        $e.Exception.Message | Should -Match ([regex]::Escape($bad) + '.*line \d+')
        $e.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'stops with KubeconfigInvalidEntry when a section has the wrong shape' {
        $bad = Join-Path $TestDrive 'wrong-shape'
        Set-Content $bad "clusters: not-a-list`n"
        $e = { Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $bad } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'KubeconfigInvalidEntry,*'
        $e.Exception.Message | Should -BeLike "*$bad*'clusters' must be a list*"
    }

    It 'reports a context naming a missing cluster, with file and entry, and returns the others' {
        $path = Join-Path $TestDrive 'dangling-cluster'
        Set-Content $path @'
clusters:
- name: good
  cluster: {server: https://good.example.test}
contexts:
- name: good
  context: {cluster: good, user: admin}
- name: broken
  context: {cluster: ghost, user: admin}
users:
- name: admin
  user: {token: t}
'@
        $clusters = Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $path -ErrorVariable err -ErrorAction SilentlyContinue
        $clusters.Name | Should -Be 'good'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeconfigClusterNotFound,*'
        $err[0].Exception.Message | Should -BeLike "*$path*context 'broken'*cluster 'ghost'*"
        $err[0].TargetObject | Should -Be 'broken'
    }

    It 'reports a context naming a missing user, with file and entry' {
        $path = Join-Path $TestDrive 'dangling-user'
        Set-Content $path @'
clusters:
- name: c
  cluster: {server: https://c.example.test}
contexts:
- name: c
  context: {cluster: c, user: nobody}
'@
        $clusters = Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $path -ErrorVariable err -ErrorAction SilentlyContinue
        $clusters | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeconfigUserNotFound,*'
        $err[0].Exception.Message | Should -BeLike "*$path*context 'c'*user 'nobody'*"
    }

    It 'stops with KubeconfigUnreadable when the file cannot be read' {
        if ((id -u) -eq 0) {
            # root reads any file regardless of mode; this one fails to read for everyone.
            $unreadable = '/proc/self/mem'
        }
        else {
            $unreadable = New-TestKubeconfig -Path (Join-Path $TestDrive 'locked') -Cluster 'x'
            chmod 000 $unreadable
        }
        $e = { Get-SveltosCluster -SkipConnectionCheck -Kubeconfig $unreadable } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'KubeconfigUnreadable,*'
        $e.Exception.Message | Should -BeLike "*$unreadable*"
    }
}

Describe 'Credentials stay secret' {
    It 'never puts tokens, keys or exec environments in output, verbose text, errors or ToString' {
        $path = Join-Path $TestDrive 'secret'
        Set-Content $path @'
clusters:
- name: c
  cluster: {server: https://c.example.test, certificate-authority-data: Q0FEQVRBLVNFQ1JFVA==}
contexts:
- name: tok
  context: {cluster: c, user: tok}
- name: cert
  context: {cluster: c, user: cert}
- name: exec
  context: {cluster: c, user: exec}
- name: ghost
  context: {cluster: c, user: ghost}
users:
- name: tok
  user: {token: TOKEN-SECRET-1234}
- name: cert
  user: {client-certificate-data: CERT-SECRET-5678, client-key-data: KEY-SECRET-9012}
- name: exec
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: get-token
      args: [--secret, ARG-SECRET-3456]
      env: [{name: PASSWORD, value: ENV-SECRET-7890}]
'@
        $all = Get-SveltosCluster -Kubeconfig $path -Verbose -ErrorAction SilentlyContinue *>&1
        $text = ($all | ForEach-Object { $_; $_.ToString() } | ConvertTo-Json -Depth 6 | Out-String) +
            ($all | Format-List * -Force | Out-String)
        $text | Should -Match 'https://c.example.test'
        foreach ($secret in 'TOKEN-SECRET', 'CERT-SECRET', 'KEY-SECRET', 'ARG-SECRET', 'ENV-SECRET', 'Q0FEQVRBLVNFQ1JFVA') {
            $text | Should -Not -Match $secret
        }
    }
}
