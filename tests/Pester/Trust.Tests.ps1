# Issue 14, "Trust first": one Describe per reported fault, each written to fail on the code that had it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:WebContent = Get-WebAddOn
}

# --- 1. A sync from a fleet that cannot see a profile never withdraws it ---

# --- 2. Content the module does not deploy is an error, never "deployed" ---

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

# --- 5. A sync converges live state ---

# --- 6. Drift that is reported is repaired ---

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

# --- 9. An interrupted sync leaves records that tell the truth ---

# --- 10. Unknown fields are refused on every read ---

# --- 11. Retries are visible ---
