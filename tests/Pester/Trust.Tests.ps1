# Issue 14, "Trust first": one Describe per reported fault, each written to fail on the code that had it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:WebContent = Get-WebAddOn
}

# --- 1. A sync from a fleet that cannot see a profile never withdraws it ---

# --- 2. Content the module does not deploy is an error, never "deployed" ---

# --- 3. CI: a broken profile fails the job ---

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

# --- 6. Drift that is reported is repaired ---

# --- 7. The first hour: names, completion, registration, help, views ---

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

# --- 10. Unknown fields are refused on every read ---

# --- 11. Retries are visible ---
