BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:corpus = Join-Path $env:SVELTOS_REPO 'tests/Sveltos.Engine.Tests/Corpus/profiles'

    function Get-ErrorId($record) { $record.FullyQualifiedErrorId.Split(',')[0] }

    # A digest of every file below a folder: names and contents, to prove nothing was written.
    function Get-TreeDigest([string] $Path) {
        if (-not (Test-Path $Path)) { return '' }
        (Get-ChildItem $Path -Recurse -File | Sort-Object FullName | ForEach-Object { $_.FullName + ':' + (Get-FileHash $_.FullName).Hash }) -join "`n"
    }

    function New-ProfileYaml([string] $Name, [string] $Selector = 'env: prod', [string] $Extra = '') {
        @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: $Name
spec:
  clusterSelector:
    matchLabels: {$Selector}
$Extra
"@
    }
}

Describe 'New-ClusterProfile' {
    It 'builds a valid ClusterProfile from parameters' {
        $p = New-ClusterProfile -Name web -ClusterSelector 'env=prod,zone in (eu-1,eu-2)' -SyncMode continuouswithdriftdetection `
            -Tier 50 -DependsOn cni -MaxUpdate '30%' -ContinueOnError -Label @{ team = 'a'; managed = $true }
        $p | Should -BeOfType 'Sveltos.ClusterProfile'
        $p.Kind | Should -Be 'ClusterProfile'
        $p.Name | Should -Be 'web'
        $p.Namespace | Should -BeNullOrEmpty
        $p.ClusterSelector | Should -Be 'env=prod,zone in (eu-1,eu-2)'
        $p.SyncMode | Should -Be 'ContinuousWithDriftDetection'
        $p.Tier | Should -Be 50
        $p.DependsOn | Should -Be 'cni'
        $p.MaxUpdate | Should -Be '30%'
        $p.ContinueOnError | Should -BeTrue
        $p.ContinueOnConflict | Should -BeFalse
        $p.Labels['managed'] | Should -Be 'true'
        $p.Source | Should -BeNullOrEmpty
        $yaml = $p.ToYaml()
        $yaml | Should -Match '(?m)^apiVersion: config.projectsveltos.io/v1beta1$'
        $yaml | Should -Match '(?m)^  syncMode: ContinuousWithDriftDetection$'
        $yaml | Should -Not -Match 'continueOnConflict'
    }

    It 'builds references from hashtables with field names in any letter case' {
        $p = New-ClusterProfile -Name addons -ClusterSelector @{ env = 'prod' } `
            -PolicyRef @{ KIND = 'configmap'; namespace = 'default'; name = 'nginx'; deploymenttype = 'local' } `
            -HelmChart @{ repositoryURL = 'https://helm.cilium.io/'; repositoryName = 'cilium'; chartName = 'cilium/cilium'; chartVersion = '1.16.1'; releaseName = 'cilium'; releaseNamespace = 'kube-system'; values = @{ operator = @{ replicas = 1 } } } `
            -KustomizationRef @{ kind = 'GitRepository'; namespace = 'flux-system'; name = 'repo'; path = './overlays/prod' } `
            -TemplateResourceRef @{ identifier = 'cfg'; resource = @{ apiVersion = 'v1'; kind = 'ConfigMap'; name = 'settings' } } `
            -ClusterRef 'default/edge-1', @{ kind = 'Cluster'; namespace = 'capi'; name = 'edge-2' }
        $p.PolicyRefs | Should -Be 'ConfigMap default/nginx'
        $p.HelmCharts | Should -Be 'cilium/cilium@1.16.1 -> kube-system/cilium'
        $p.KustomizationRefs | Should -Be 'GitRepository flux-system/repo:./overlays/prod'
        $p.TemplateResourceRefs | Should -Be 'cfg=ConfigMap settings'
        $p.ClusterRefs | Should -Be 'SveltosCluster:default/edge-1', 'Cluster:capi/edge-2'
        $yaml = $p.ToYaml()
        $yaml | Should -Match 'deploymentType: Local'
        $yaml | Should -Match 'values: \|'
        $yaml | Should -Match 'replicas: 1'
    }

    It 'makes a Profile when a namespace is given' {
        $p = New-ClusterProfile -Name web -Namespace team-a -ClusterSelector 'env=prod'
        $p.Kind | Should -Be 'Profile'
        $p.Namespace | Should -Be 'team-a'
        $p.Identity | Should -Be 'Profile/team-a/web'
    }

    It 'reports a wrong sync mode as InvalidProfileField naming spec.syncMode' {
        $p = New-ClusterProfile -Name web -ClusterSelector 'env=prod' -SyncMode Continous -ErrorVariable err -ErrorAction SilentlyContinue
        $p | Should -BeNullOrEmpty
        Get-ErrorId $err[0] | Should -Be 'InvalidProfileField'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Be "ClusterProfile/web spec.syncMode: 'Continous' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun"
        $err[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'reports an invalid selector as InvalidSelector naming spec.clusterSelector' {
        New-ClusterProfile -Name web -ClusterSelector 'env in prod' -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'InvalidSelector'
        $err[0].Exception.Message | Should -BeLike 'ClusterProfile/web spec.clusterSelector: *'
    }

    It 'reports an unknown hashtable key as UnknownProfileField naming the field' {
        New-ClusterProfile -Name web -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; nam = 'x' } -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'UnknownProfileField'
        $err[0].Exception.Message | Should -Match "spec\.policyRefs\[0\]\.nam: unknown field 'nam'"
    }

    It 'reports a tier below 1 naming spec.tier' {
        New-ClusterProfile -Name web -ClusterSelector 'env=prod' -Tier 0 -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'InvalidProfileField'
        $err[0].Exception.Message | Should -BeLike 'ClusterProfile/web spec.tier: *'
    }

    It 'throws a catchable error with -ErrorAction Stop' {
        { New-ClusterProfile -Name 'Not_A_Name' -ClusterSelector 'env=prod' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProfileField*'
    }

    It 'builds one profile per piped row, binding parameters by property name' {
        $rows = @(
            [pscustomobject]@{ Name = 'a'; ClusterSelector = 'env=prod'; SyncMode = 'OneTime' }
            [pscustomobject]@{ Name = 'b'; ClusterSelector = 'env=dev'; Tier = 5; ContinueOnError = $true }
            [pscustomobject]@{ Name = 'c'; ClusterSelector = 'env=dev' }
        )
        $built = $rows | New-ClusterProfile
        $built.Name | Should -Be 'a', 'b', 'c'
        $built[0].SyncMode | Should -Be 'OneTime'
        $built[1].Tier | Should -Be 5
        $built[1].ContinueOnError | Should -BeTrue
        # Nothing carries over from one row to the next.
        $built[2].ToYaml() | Should -Not -Match 'tier|syncMode|continueOnError'
    }

    It 'completes <Parameter> values' -ForEach @(
        @{ Parameter = 'SyncMode'; Word = 'Cont'; Expected = 'Continuous', 'ContinuousWithDriftDetection' }
        @{ Parameter = 'StopMatchingBehavior'; Word = ''; Expected = 'WithdrawPolicies', 'LeavePolicies' }
        @{ Parameter = 'Kind'; Word = 'P'; Expected = 'Profile' }
    ) {
        $line = "New-ClusterProfile -Name x -$Parameter $Word"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Expected
    }
}

Describe 'Import-ClusterProfile' {
    BeforeAll {
        $script:dir = Join-Path $TestDrive 'import'
        New-Item -ItemType Directory (Join-Path $dir 'nested') -Force | Out-Null
        Set-Content (Join-Path $dir 'a.yaml') @"
$(New-ProfileYaml cni)
---
apiVersion: v1
kind: ConfigMap
metadata: {name: policies, namespace: default}
data: {a: b}
---
$(New-ProfileYaml broken -Extra '  syncMode: Continous')
---
apiVersion: config.projectsveltos.io/v1beta1
kind: Profile
metadata: {name: web, namespace: team-a}
spec:
  clusterSelector: {matchLabels: {env: prod}}
"@
        Set-Content (Join-Path $dir 'nested/b.yml') (New-ProfileYaml nginx)
        Set-Content (Join-Path $dir 'nested/c.json') '{"apiVersion":"config.projectsveltos.io/v1beta1","kind":"ClusterProfile","metadata":{"name":"from-json"},"spec":{"clusterSelector":{"matchLabels":{"env":"prod"}}}}'
        Set-Content (Join-Path $dir 'notes.txt') 'not a profile'
    }

    It 'reads every YAML and JSON file below a folder, multi-document files included' {
        $profiles = Import-ClusterProfile $dir -ErrorAction SilentlyContinue
        $profiles.Identity | Should -Be 'ClusterProfile/cni', 'Profile/team-a/web', 'ClusterProfile/nginx', 'ClusterProfile/from-json'
        $profiles[0].Path | Should -Be (Join-Path $dir 'a.yaml')
        $profiles[1].Source | Should -BeLike '*a.yaml`[3`]'
    }

    It 'names files relative to the current location' {
        Push-Location $TestDrive
        try { (Import-ClusterProfile ./import/nested/b.yml).Source | Should -Be ((Join-Path 'import' 'nested/b.yml') + '[0]') }
        finally { Pop-Location }
    }

    It 'skips other kinds with a verbose message' {
        $verbose = Import-ClusterProfile (Join-Path $dir 'a.yaml') -Verbose -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain "$(Join-Path $dir 'a.yaml')[1]: skipped ConfigMap (v1), not a ClusterProfile or Profile."
    }

    It 'reports an invalid document by file[index] and field path, and still returns the valid ones' {
        Push-Location $dir
        try { $profiles = Import-ClusterProfile ./a.yaml -ErrorVariable err -ErrorAction SilentlyContinue }
        finally { Pop-Location }
        $profiles.Name | Should -Be 'cni', 'web'
        $err.Count | Should -Be 1
        Get-ErrorId $err[0] | Should -Be 'InvalidProfileField'
        $err[0].Exception.Message | Should -Be "a.yaml[2] spec.syncMode: 'Continous' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun"
        $err[0].TargetObject | Should -Be 'a.yaml[2]'
    }

    It 'expands wildcards' {
        (Import-ClusterProfile (Join-Path $dir 'nested/*.y*ml')).Name | Should -Be 'nginx'
        (Import-ClusterProfile (Join-Path $dir 'nested/*')).Name | Should -Be 'nginx', 'from-json'
    }

    It 'takes paths and files from the pipeline' {
        (Join-Path $dir 'nested/b.yml') | Import-ClusterProfile | ForEach-Object Name | Should -Be 'nginx'
        (Get-ChildItem (Join-Path $dir 'nested') -File | Sort-Object Name | Import-ClusterProfile).Name | Should -Be 'nginx', 'from-json'
    }

    It 'reads -LiteralPath without expanding wildcards' {
        $odd = Join-Path $TestDrive 'odd[1].yaml'
        Set-Content -LiteralPath $odd (New-ProfileYaml odd)
        (Import-ClusterProfile -LiteralPath $odd).Name | Should -Be 'odd'
    }

    It 'reports a missing path as PathNotFound' {
        Import-ClusterProfile (Join-Path $TestDrive 'nope.yaml') -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'PathNotFound'
    }

    It 'reports a duplicate name as DuplicateProfileName and returns only the first' {
        $dup = Join-Path $TestDrive 'dup'
        New-Item -ItemType Directory $dup | Out-Null
        Set-Content (Join-Path $dup 'one.yaml') (New-ProfileYaml web)
        Set-Content (Join-Path $dup 'two.yaml') (New-ProfileYaml web -Selector 'env: dev')
        Push-Location $TestDrive
        try { $profiles = Import-ClusterProfile ./dup -ErrorVariable err -ErrorAction SilentlyContinue }
        finally { Pop-Location }
        $profiles.Count | Should -Be 1
        $profiles.ClusterSelector | Should -Be 'env=prod'
        Get-ErrorId $err[0] | Should -Be 'DuplicateProfileName'
        $err[0].Exception.Message | Should -Be "$(Join-Path 'dup' 'two.yaml')[0] metadata.name: ClusterProfile 'web' is already defined in $(Join-Path 'dup' 'one.yaml')[0]"
    }

    It 'reports <Case> as <ErrorId>' -ForEach @(
        @{ Case = 'malformed YAML'; ErrorId = 'MalformedYaml'; Text = { "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata: {name: x`n" }; Field = '' }
        @{ Case = 'a wrong apiVersion'; ErrorId = 'UnsupportedApiVersion'; Text = { (New-ProfileYaml x).Replace('v1beta1', 'v1alpha1') }; Field = 'apiVersion' }
        @{ Case = 'a misspelled kind'; ErrorId = 'UnsupportedKind'; Text = { (New-ProfileYaml x).Replace('kind: ClusterProfile', 'kind: ClusterProfil') }; Field = 'kind' }
        @{ Case = 'a field of the wrong type'; ErrorId = 'InvalidProfileField'; Text = { New-ProfileYaml x -Extra '  tier: high' }; Field = 'spec.tier' }
        @{ Case = 'a missing name'; ErrorId = 'MissingProfileField'; Text = { (New-ProfileYaml x).Replace('  name: x', '  labels: {a: b}') }; Field = 'metadata.name' }
    ) {
        $file = Join-Path $TestDrive "bad-$ErrorId.yaml"
        Set-Content $file (& $Text)
        $profiles = Import-ClusterProfile $file -ErrorVariable err -ErrorAction SilentlyContinue
        $profiles | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        Get-ErrorId $err[0] | Should -Be $ErrorId
        $err[0].Exception.Message | Should -BeLike "$file``[0``]*"
        if ($Field) { $err[0].Exception.Message | Should -BeLike "*] $($Field): *" }
    }
}

Describe 'CI annotations for invalid profiles' {
    BeforeAll {
        $script:bad = Join-Path $TestDrive 'ci, bad.yaml'
        Set-Content -LiteralPath $bad "$(New-ProfileYaml ok)`n---`n$(New-ProfileYaml broken -Extra '  syncMode: Continous')"
    }

    It 'writes a <CiHost> annotation pointing at the file, line and column, and fails the run' -ForEach @(
        @{ CiHost = 'GitHub Actions'; Variables = '$env:GITHUB_ACTIONS = "true"; $env:TF_BUILD = $null'; Pattern = '^::error file=.*ci%2C bad\.yaml,line=17,col=13,title=InvalidProfileField::.*ci, bad\.yaml\[1\] spec\.syncMode: ''Continous'' is not one of' }
        @{ CiHost = 'Azure Pipelines'; Variables = '$env:GITHUB_ACTIONS = $null; $env:TF_BUILD = "True"'; Pattern = '^##vso\[task\.logissue type=error;sourcepath=.*ci, bad\.yaml;linenumber=17;columnnumber=13;code=InvalidProfileField;\].*ci, bad\.yaml\[1\] spec\.syncMode:' }
    ) {
        $run = Invoke-Pwsh @"
$Variables
Import-Module '$env:SVELTOS_MODULE'
`$profiles = Import-ClusterProfile -LiteralPath '$bad' -ErrorAction Continue 2>`$null
'imported=' + (`$profiles.Name -join ',')
"@
        $run.Output | Should -Contain 'imported=ok'
        @($run.Output -match $Pattern).Count | Should -Be 1 -Because ($run.Output -join "`n")
        $run.ExitCode | Should -Be 1
    }

    It 'writes no annotation for errors silenced with -ErrorAction SilentlyContinue' {
        $output = Invoke-FreshPwsh @"
`$env:GITHUB_ACTIONS = 'true'
Import-Module '$env:SVELTOS_MODULE'
Import-ClusterProfile -LiteralPath '$bad' -ErrorAction SilentlyContinue | Out-Null
'done'
"@
        $output | Should -Be 'done'
    }
}

Describe 'Export-ClusterProfile' {
    It 'round-trips <_> through Import and Export' -ForEach (Get-ChildItem (Join-Path $env:SVELTOS_REPO 'tests/Sveltos.Engine.Tests/Corpus/profiles') -File | ForEach-Object Name) {
        $original = Import-ClusterProfile -LiteralPath (Join-Path $corpus $_)
        $original | Should -Not -BeNullOrEmpty
        $file = Join-Path $TestDrive "roundtrip-$_.yaml"
        $original | Export-ClusterProfile -Path $file
        $again = Import-ClusterProfile -LiteralPath $file
        $again.Identity | Should -Be $original.Identity
        for ($i = 0; $i -lt $original.Count; $i++) {
            $again[$i].ToYaml() | Should -BeExactly $original[$i].ToYaml()
        }
        ($again | Export-ClusterProfile) | Should -BeExactly (Get-Content -Raw $file)
    }

    It 'keeps the fields the API server writes, and key order' {
        $file = Join-Path $TestDrive 'server-written.yaml'
        Import-ClusterProfile (Join-Path $corpus 'server-written-fields.yaml') | Export-ClusterProfile $file
        $original = (Import-ClusterProfile (Join-Path $corpus 'server-written-fields.yaml')).ToYaml()
        (Get-Content -Raw $file).TrimEnd() | Should -BeExactly $original.TrimEnd()
    }

    It 'returns the YAML text, one document per profile, without -Path' {
        $a = New-ClusterProfile -Name a -ClusterSelector 'env=prod'
        $b = New-ClusterProfile -Name b -ClusterSelector 'env=dev'
        $text = $a, $b | Export-ClusterProfile
        $text | Should -BeOfType [string]
        ([regex]::Matches($text, '(?m)^kind: ClusterProfile$')).Count | Should -Be 2
        $text | Should -Match '(?m)^---$'
        $file = Join-Path $TestDrive 'text.yaml'
        Set-Content $file $text -NoNewline
        (Import-ClusterProfile $file).Name | Should -Be 'a', 'b'
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.yaml'
        New-ClusterProfile -Name a -ClusterSelector 'env=prod' | Export-ClusterProfile $file -WhatIf
        Test-Path $file | Should -BeFalse
    }

    It 'refuses to replace a file with -NoClobber' {
        $file = Join-Path $TestDrive 'existing.yaml'
        Set-Content $file 'keep me'
        New-ClusterProfile -Name a -ClusterSelector 'env=prod' | Export-ClusterProfile $file -NoClobber -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'FileExists'
        Get-Content -Raw $file | Should -Be "keep me$([Environment]::NewLine)"
    }

    It 'replaces a read-only file only with -Force' -Skip:$IsWindows {
        $file = Join-Path $TestDrive 'readonly.yaml'
        Set-Content $file 'old'
        Set-ItemProperty $file -Name IsReadOnly -Value $true
        $profile = New-ClusterProfile -Name a -ClusterSelector 'env=prod'
        if ((id -u) -ne 0) {
            $profile | Export-ClusterProfile $file -ErrorVariable err -ErrorAction SilentlyContinue
            Get-ErrorId $err[0] | Should -Be 'ExportFailed'
        }
        $profile | Export-ClusterProfile $file -Force
        (Import-ClusterProfile $file).Name | Should -Be 'a'
    }

    It 'reports duplicate names as DuplicateProfileName and writes nothing' {
        $file = Join-Path $TestDrive 'dups.yaml'
        $a = New-ClusterProfile -Name same -ClusterSelector 'env=prod'
        $b = New-ClusterProfile -Name same -ClusterSelector 'env=dev'
        $a, $b | Export-ClusterProfile $file -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'DuplicateProfileName'
        $err[0].Exception.Message | Should -BeLike "*ClusterProfile 'same' is already defined in ClusterProfile/same*"
        Test-Path $file | Should -BeFalse
    }
}

Describe 'Profiles in a fleet directory' {
    BeforeEach {
        $script:fleet = Join-Path $TestDrive "fleet-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
        New-Item -ItemType Directory $fleet | Out-Null
        $script:fleetName = Split-Path $fleet -Leaf
        $script:web = New-ClusterProfile -Name web -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; namespace = 'default'; name = 'nginx' }
        $script:teamWeb = New-ClusterProfile -Name web -Namespace team-a -ClusterSelector 'env=prod'
    }

    It 'saves new profiles to profiles/<name>.yaml and profiles/<namespace>/<name>.yaml' {
        $web, $teamWeb | Save-ClusterProfile -FleetPath $fleet
        (Import-ClusterProfile (Join-Path $fleet 'profiles/web.yaml')).ToYaml() | Should -BeExactly $web.ToYaml()
        (Import-ClusterProfile (Join-Path $fleet 'profiles/team-a/web.yaml')).Identity | Should -Be 'Profile/team-a/web'
    }

    It 'gets the saved profiles with their file and index as Source' {
        $web, $teamWeb | Save-ClusterProfile -FleetPath $fleet
        $got = Get-ClusterProfile -FleetPath $fleet
        $got.Identity | Should -Be 'ClusterProfile/web', 'Profile/team-a/web'
        $got[0].Source | Should -Be "$fleetName/profiles/web.yaml[0]"
        $got[0].Path | Should -Be (Join-Path $fleet 'profiles/web.yaml')
        $got[0].Fleet | Should -BeLike "fleet directory '*$fleetName'"
        $got[0].PolicyRefs | Should -Be 'ConfigMap default/nginx'
    }

    It 'filters by wildcard name, kind and namespace' {
        $web, $teamWeb, (New-ClusterProfile -Name cni -ClusterSelector 'env=prod') | Save-ClusterProfile -FleetPath $fleet
        (Get-ClusterProfile -FleetPath $fleet -Name 'W*').Identity | Should -Be 'ClusterProfile/web', 'Profile/team-a/web'
        (Get-ClusterProfile -FleetPath $fleet -Kind Profile).Identity | Should -Be 'Profile/team-a/web'
        (Get-ClusterProfile -FleetPath $fleet -Namespace 'team-*').Identity | Should -Be 'Profile/team-a/web'
        ('cni' | Get-ClusterProfile -FleetPath $fleet).Identity | Should -Be 'ClusterProfile/cni'
    }

    It 'reports a literal name that matches nothing as ProfileNotFound' {
        $web | Save-ClusterProfile -FleetPath $fleet
        $found = Get-ClusterProfile -FleetPath $fleet -Name nope, web -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'web'
        Get-ErrorId $err[0] | Should -Be 'ProfileNotFound'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an invalid profile in the fleet and still returns the valid ones' {
        $web | Save-ClusterProfile -FleetPath $fleet
        Set-Content (Join-Path $fleet 'profiles/bad.yaml') (New-ProfileYaml bad -Extra '  syncMode: Continous')
        $got = Get-ClusterProfile -FleetPath $fleet -ErrorVariable err -ErrorAction SilentlyContinue
        $got.Name | Should -Be 'web'
        Get-ErrorId $err[0] | Should -Be 'InvalidProfileField'
        $err[0].Exception.Message | Should -BeLike "$fleetName/profiles/bad.yaml``[0``] spec.syncMode: *"
    }

    It 'writes nothing with -WhatIf' {
        $web | Save-ClusterProfile -FleetPath $fleet
        $before = Get-TreeDigest $fleet
        $changed = New-ClusterProfile -Name web -ClusterSelector 'env=dev'
        $changed, $teamWeb | Save-ClusterProfile -FleetPath $fleet -WhatIf
        Get-TreeDigest $fleet | Should -Be $before
    }

    It 'replaces a profile in place, leaving the rest of its file untouched' {
        Set-Content (Join-Path $fleet 'all.yaml') "# shared file`n$(New-ProfileYaml web)`n---`n# second`n$(New-ProfileYaml cni)"
        New-ClusterProfile -Name web -ClusterSelector 'env=dev' -Tier 7 | Save-ClusterProfile -FleetPath $fleet
        $text = Get-Content -Raw (Join-Path $fleet 'all.yaml')
        $text | Should -Match '# second'
        (Get-ClusterProfile -FleetPath $fleet -Name web).Tier | Should -Be 7
        (Get-ClusterProfile -FleetPath $fleet -Name web).Source | Should -Be "$fleetName/all.yaml[0]"
        (Get-ClusterProfile -FleetPath $fleet -Name cni).Source | Should -Be "$fleetName/all.yaml[1]"
        Test-Path (Join-Path $fleet 'profiles') | Should -BeFalse
    }

    It 'leaves an unchanged profile alone, comments included' {
        Set-Content (Join-Path $fleet 'web.yaml') "# keep this comment`n$(New-ProfileYaml web)"
        $before = Get-TreeDigest $fleet
        $saved = Import-ClusterProfile (Join-Path $fleet 'web.yaml') | Save-ClusterProfile -FleetPath $fleet -PassThru
        $saved.Name | Should -Be 'web'
        Get-TreeDigest $fleet | Should -Be $before
    }

    It 'refuses a set with duplicate names as DuplicateProfileName and writes nothing' {
        $other = New-ClusterProfile -Name web -ClusterSelector 'env=dev'
        $web, $teamWeb, $other | Save-ClusterProfile -FleetPath $fleet -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'DuplicateProfileName'
        Get-TreeDigest $fleet | Should -Be ''
    }

    It 'refuses to save without a fleet that can hold profiles' {
        $kubeconfig = New-TestKubeconfig -Path (Join-Path $TestDrive 'kc') -Cluster 'c1'
        { $web | Save-ClusterProfile -Kubeconfig $kubeconfig -ErrorAction Stop } | Should -Throw -ErrorId 'FleetReadOnly*'
    }

    It 'removes a profile by name after -Confirm:$false, and nothing with -WhatIf' {
        $web, $teamWeb | Save-ClusterProfile -FleetPath $fleet
        $before = Get-TreeDigest $fleet
        Remove-ClusterProfile -FleetPath $fleet -Name web -WhatIf
        Get-TreeDigest $fleet | Should -Be $before
        Remove-ClusterProfile -FleetPath $fleet -Name web -Kind ClusterProfile -Confirm:$false
        (Get-ClusterProfile -FleetPath $fleet).Identity | Should -Be 'Profile/team-a/web'
        Test-Path (Join-Path $fleet 'profiles/web.yaml') | Should -BeFalse
    }

    It 'removes the profiles piped from Get-ClusterProfile' {
        $web, $teamWeb | Save-ClusterProfile -FleetPath $fleet
        Get-ClusterProfile -FleetPath $fleet -Kind Profile | Remove-ClusterProfile -FleetPath $fleet -Confirm:$false
        (Get-ClusterProfile -FleetPath $fleet).Identity | Should -Be 'ClusterProfile/web'
    }

    It 'reports a profile to remove that is not in the fleet as ProfileNotFound' {
        Remove-ClusterProfile -FleetPath $fleet -Name ghost -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'ProfileNotFound'
        $web | Remove-ClusterProfile -FleetPath $fleet -Confirm:$false -ErrorVariable err2 -ErrorAction SilentlyContinue
        Get-ErrorId $err2[0] | Should -Be 'ProfileNotFound'
    }

    It 'declares Remove-ClusterProfile as high impact' {
        (Get-Command Remove-ClusterProfile).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
    }

    It 'completes profile names for -Name' {
        $web, (New-ClusterProfile -Name cni -ClusterSelector 'env=prod') | Save-ClusterProfile -FleetPath $fleet
        $line = "Get-ClusterProfile -FleetPath '$fleet' -Name w"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'web'
    }

    It 'shows a table with the profile, sync mode, tier, selector, add-ons and source' {
        $web | Save-ClusterProfile -FleetPath $fleet
        $table = Get-ClusterProfile -FleetPath $fleet | Format-Table | Out-String -Width 200
        $table | Should -Match 'Profile\s+SyncMode\s+Tier\s+Selector\s+AddOns\s+Source'
        $table | Should -Match 'ClusterProfile/web\s+Continuous\s+100\s+env=prod\s+1 policy\s+\S+profiles/web.yaml\[0\]'
    }
}

Describe 'Profiles in a management cluster (KubeSim)' {
    BeforeAll {
        $script:sim = Start-TestKubeSim -Clusters c1
        $script:mgmt = @{ ManagementContext = 'mgmt'; Kubeconfig = $sim.KubeconfigPath }
        function Invoke-Kubectl { kubectl --kubeconfig $sim.KubeconfigPath --context mgmt @args 2>$null }
        $script:web = New-ClusterProfile -Name web -ClusterSelector 'env=prod' -PolicyRef @{ kind = 'ConfigMap'; namespace = 'default'; name = 'nginx' }
        $script:teamWeb = New-ClusterProfile -Name web -Namespace team-a -ClusterSelector 'env=prod'
    }

    AfterAll { Stop-KubeSim $sim }

    It 'installs nothing and writes nothing with -WhatIf, and says what it would do' {
        $output = Invoke-FreshPwsh @"
Import-Module '$env:SVELTOS_MODULE'
New-ClusterProfile -Name web -ClusterSelector 'env=prod' | Save-ClusterProfile -ManagementContext mgmt -Kubeconfig '$($sim.KubeconfigPath)' -WhatIf
"@
        $output | Should -Contain 'What if: Performing the operation "Install" on target "CustomResourceDefinition clusterprofiles.config.projectsveltos.io in management cluster ''mgmt''".'
        $output | Should -Contain 'What if: Performing the operation "Create" on target "ClusterProfile/web in management cluster ''mgmt''".'
        Invoke-Kubectl get crd clusterprofiles.config.projectsveltos.io -o name | Should -BeNullOrEmpty
        Get-ClusterProfile @mgmt | Should -BeNullOrEmpty
    }

    It 'installs the missing CRDs and creates the profiles' {
        # As with kubectl, a Profile goes into an existing namespace.
        Invoke-Kubectl create namespace team-a | Out-Null
        $web, $teamWeb | Save-ClusterProfile @mgmt -Confirm:$false
        Invoke-Kubectl get crd -o name | Should -Contain 'customresourcedefinition.apiextensions.k8s.io/profiles.config.projectsveltos.io'
        (Invoke-Kubectl get clusterprofile web -o json | ConvertFrom-Json).spec.policyRefs[0].name | Should -Be 'nginx'
        (Invoke-Kubectl get profile -n team-a web -o json | ConvertFrom-Json).metadata.namespace | Should -Be 'team-a'
        $got = Get-ClusterProfile @mgmt
        $got.Identity | Should -Be 'ClusterProfile/web', 'Profile/team-a/web'
        $got[0].Source | Should -Be "management cluster 'mgmt' ClusterProfile/web"
        $got[0].Fleet | Should -Be "management cluster 'mgmt'"
        $got[0].PolicyRefs | Should -Be 'ConfigMap default/nginx'
    }

    It 'leaves an unchanged profile alone and replaces a changed one' {
        $before = Invoke-Kubectl get clusterprofile web -o jsonpath='{.metadata.resourceVersion}'
        $web | Save-ClusterProfile @mgmt -Confirm:$false
        Invoke-Kubectl get clusterprofile web -o jsonpath='{.metadata.resourceVersion}' | Should -Be $before
        New-ClusterProfile -Name web -ClusterSelector 'env=prod' -Tier 7 | Save-ClusterProfile @mgmt -Confirm:$false
        (Get-ClusterProfile @mgmt -Name web -Kind ClusterProfile).Tier | Should -Be 7
        Invoke-Kubectl get clusterprofile web -o jsonpath='{.spec.tier}' | Should -Be '7'
    }

    It 'writes nothing for a set with duplicate names' {
        $before = Invoke-Kubectl get clusterprofiles -o jsonpath='{.items[*].metadata.resourceVersion}'
        (New-ClusterProfile -Name dup -ClusterSelector 'a=b'), (New-ClusterProfile -Name dup -ClusterSelector 'a=c') |
            Save-ClusterProfile @mgmt -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorId $err[0] | Should -Be 'DuplicateProfileName'
        Invoke-Kubectl get clusterprofiles -o jsonpath='{.items[*].metadata.resourceVersion}' | Should -Be $before
        Invoke-Kubectl get clusterprofile dup -o name | Should -BeNullOrEmpty
    }

    It 'removes nothing with -WhatIf, then removes the profile' {
        Remove-ClusterProfile @mgmt -Name web -Kind Profile -WhatIf
        Invoke-Kubectl get profile -n team-a web -o name | Should -Be 'profile.config.projectsveltos.io/web'
        Get-ClusterProfile @mgmt -Kind Profile | Remove-ClusterProfile @mgmt -Confirm:$false
        Invoke-Kubectl get profile -n team-a web -o name | Should -BeNullOrEmpty
        (Get-ClusterProfile @mgmt).Identity | Should -Be 'ClusterProfile/web'
    }
}
