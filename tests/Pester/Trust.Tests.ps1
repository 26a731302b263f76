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

# --- 9. An interrupted sync leaves records that tell the truth ---

# --- 10. Unknown fields are refused on every read ---

# --- 11. Retries are visible ---
