BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-BuiltSveltos
    $script:sim = Start-TestKubeSim -Clusters c1, c2
    $script:kc = $sim.KubeconfigPath
    Connect-SveltosFleet -Context mgmt -Kubeconfig $kc | Out-Null
    Register-SveltosCluster -Name c1 -Namespace fleet -Label @{ env = 'prod'; region = 'eu-west' } -Kubeconfig $kc | Out-Null
    Register-SveltosCluster -Name c2 -Namespace fleet -Label @{ env = 'prod'; region = 'us-east' } -Kubeconfig $kc | Out-Null

    function Invoke-Mgmt { param([Parameter(ValueFromPipeline)] $Yaml) process { $Yaml | kubectl --kubeconfig $kc --context mgmt apply -f - | Out-Null } }
    function Get-Live {
        param([string] $Context, [string] $Kind, [string] $Name, [string] $Namespace = 'default')
        $json = kubectl --kubeconfig $kc --context $Context get $Kind $Name -n $Namespace -o json --ignore-not-found 2>$null
        if ($json) { $json | ConvertFrom-Json }
    }
    function New-TemplateContent {
        # A ConfigMap in the management cluster holding templated manifests (Go, unless -Language names another).
        param([string] $Name, [string] $Manifest, [string] $Language)
        $indented = ($Manifest -split "`n" | ForEach-Object { "    $_" }) -join "`n"
        $languageAnnotation = if ($Language) { "`n    pwsh.projectsveltos.io/template-language: $Language" } else { '' }
        "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $Name`n  namespace: fleet`n  annotations:`n    projectsveltos.io/template: 'true'$languageAnnotation`ndata:`n  content.yaml: |`n$indented" | Invoke-Mgmt
    }

    @'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: buckets.storage.example.org
spec:
  group: storage.example.org
  scope: Namespaced
  names: {kind: Bucket, plural: buckets, singular: bucket, listKind: BucketList}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
'@ | Invoke-Mgmt
    Start-Sleep -Milliseconds 300
}

AfterAll {
    Disconnect-SveltosFleet
    Stop-KubeSim $sim
}

Describe 'The management-cluster coordination flow, in Go templates as the Sveltos docs write it' {
    BeforeAll {
        New-TemplateContent bucket @'
apiVersion: storage.example.org/v1
kind: Bucket
metadata:
  name: bucket-{{ .Cluster.metadata.name }}
  namespace: fleet
spec:
  region: {{ .Cluster.metadata.labels.region }}
'@
        New-TemplateContent bucket-secret @'
apiVersion: v1
kind: Secret
metadata:
  name: bucket-access
  namespace: default
stringData:
  url: {{ .MgmtResources.Bucket.status.atProvider.url }}
'@
        New-ClusterProfile -Name buckets -ClusterSelector 'env=prod' `
            -PolicyRef @{ kind = 'ConfigMap'; name = 'bucket'; deploymentType = 'Local' }, @{ kind = 'ConfigMap'; name = 'bucket-secret' } `
            -TemplateResourceRef @{ identifier = 'Bucket'; resource = @{ apiVersion = 'storage.example.org/v1'; kind = 'Bucket'; name = 'bucket-{{ .Cluster.metadata.name }}' } } |
            Save-ClusterProfile -Confirm:$false
    }

    It 'first creates a Bucket per cluster in the management cluster, and the clusters wait (Pending)' {
        $summary = Invoke-ProfileSync -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        ($summary | Where-Object Status -EQ 'Pending').Cluster | Sort-Object | Should -Be 'fleet/c1', 'fleet/c2'
        ($summary | Where-Object Status -EQ 'Provisioned').Count | Should -Be 2
        $warnings | Out-String | Should -Match 'waits for Bucket fleet/bucket-c1'
        (Get-Live mgmt bucket bucket-c1 fleet).spec.region | Should -Be 'eu-west'
        (Get-Live mgmt bucket bucket-c2 fleet).spec.region | Should -Be 'us-east'
        (Get-Live mgmt bucket bucket-c1 fleet).metadata.annotations.'projectsveltos.io/owner-name' | Should -Be 'buckets'
        Get-Live c1 secret bucket-access | Should -BeNullOrEmpty
    }

    It 'deploys the Secret with the URL once the provider reports it' {
        kubectl --kubeconfig $kc --context mgmt patch bucket bucket-c1 -n fleet --subresource=status --type merge -p '{"status":{"atProvider":{"url":"https://eu-west.example.org/c1"}}}' | Out-Null
        $summary = Invoke-ProfileSync -Summary -WarningAction SilentlyContinue
        ($summary | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Status -eq 'Provisioned' }).Count | Should -Be 1
        $secret = Get-Live c1 secret bucket-access
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.url)) | Should -Be 'https://eu-west.example.org/c1'
        ($summary | Where-Object Cluster -EQ 'fleet/c2').Status | Should -Contain 'Pending'
    }

    It 'redeploys when a fetched resource changes' {
        kubectl --kubeconfig $kc --context mgmt patch bucket bucket-c1 -n fleet --subresource=status --type merge -p '{"status":{"atProvider":{"url":"https://eu-west.example.org/c1-v2"}}}' | Out-Null
        Invoke-ProfileSync -WarningAction SilentlyContinue | Where-Object { $_.Cluster -eq 'fleet/c1' -and $_.Kind -eq 'Secret' } | ForEach-Object Action | Should -Be 'Updated'
        $secret = Get-Live c1 secret bucket-access
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.url)) | Should -Be 'https://eu-west.example.org/c1-v2'
    }

    It '-Watch deploys on its own when the provider reports the URL' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($module, $kubeconfig)
                    Import-Module $module
                    Invoke-ProfileSync -ManagementContext mgmt -Kubeconfig $kubeconfig -Watch -Timeout 30 -WarningAction SilentlyContinue
                }).AddArgument($env:SVELTOS_MODULE).AddArgument($kc)
            $null = $ps.BeginInvoke()
            Start-Sleep -Seconds 2
            kubectl --kubeconfig $kc --context mgmt patch bucket bucket-c2 -n fleet --subresource=status --type merge -p '{"status":{"atProvider":{"url":"https://us-east.example.org/c2"}}}' | Out-Null
            $deadline = [DateTime]::UtcNow.AddSeconds(8)
            while (-not (Get-Live c2 secret bucket-access) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            $secret = Get-Live c2 secret bucket-access
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.url)) | Should -Be 'https://us-east.example.org/c2'
        }
        finally {
            $ps.Stop()
            $ps.Dispose()
        }
    }

    It 'withdraws both the Secret and the Bucket when the cluster stops matching' {
        Set-SveltosCluster c1 -RemoveLabel env
        Invoke-ProfileSync -WarningAction SilentlyContinue | Out-Null
        Get-Live c1 secret bucket-access | Should -BeNullOrEmpty
        Get-Live mgmt bucket bucket-c1 fleet | Should -BeNullOrEmpty
        Get-Live mgmt bucket bucket-c2 fleet | Should -Not -BeNullOrEmpty
    }
}

Describe 'The same flow written in Scriban, where the content asks for it' {
    BeforeAll {
        New-TemplateContent sbucket -Language scriban @'
apiVersion: storage.example.org/v1
kind: Bucket
metadata:
  name: sbucket-{{ cluster.metadata.name }}
  namespace: fleet
spec:
  region: {{ cluster.metadata.labels.region }}
'@
        New-TemplateContent sbucket-secret -Language scriban @'
apiVersion: v1
kind: Secret
metadata:
  name: sbucket-access
  namespace: default
stringData:
  url: {{ resources.Bucket.status.atProvider.url }}
  region: {{ cluster.metadata.labels.zone ?? "west" }}
  kubernetes: {{ kubernetes_version }}
'@
        # A profile's fields are Go templates whatever language its content is written in.
        New-ClusterProfile -Name sbuckets -ClusterSelector 'region=us-east' `
            -PolicyRef @{ kind = 'ConfigMap'; name = 'sbucket'; deploymentType = 'Local' }, @{ kind = 'ConfigMap'; name = 'sbucket-secret' } `
            -TemplateResourceRef @{ identifier = 'Bucket'; resource = @{ apiVersion = 'storage.example.org/v1'; kind = 'Bucket'; name = 'sbucket-{{ .Cluster.metadata.name }}' } } |
            Save-ClusterProfile -Confirm:$false
    }

    It 'creates the Bucket, waits for the provider, then deploys the Secret' {
        $first = Invoke-ProfileSync -Name sbuckets -Summary -WarningVariable warnings -WarningAction SilentlyContinue
        $first.Status | Sort-Object | Should -Be 'Pending', 'Provisioned'
        $warnings | Out-String | Should -Match 'waits for Bucket'
        (Get-Live mgmt bucket sbucket-c2 fleet).spec.region | Should -Be 'us-east'

        kubectl --kubeconfig $kc --context mgmt patch bucket sbucket-c2 -n fleet --subresource=status --type merge -p '{"status":{"atProvider":{"url":"https://scriban.example.org/c2"}}}' | Out-Null
        (Invoke-ProfileSync -Name sbuckets -Summary -WarningAction SilentlyContinue).Status | Should -Not -Contain 'Pending'
        $secret = Get-Live c2 secret sbucket-access
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.url)) | Should -Be 'https://scriban.example.org/c2'
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.region)) | Should -Be 'west'
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($secret.data.kubernetes)) | Should -Be 'v1.32.0'
    }
}

Describe 'Go templates with Sprig crypto: a per-cluster certificate signed by a generated CA' {
    It 'deploys a TLS Secret whose certificate names the cluster and chains to the CA beside it' {
        New-TemplateContent go-tls @'
{{- $ca := genCA "fleet-ca" 365 }}
{{- $host := printf "%s.%s.example.com" .Cluster.metadata.name .Cluster.metadata.labels.region }}
{{- $cert := genSignedCert .Cluster.metadata.name (list "10.0.0.1") (list $host) 90 $ca }}
apiVersion: v1
kind: Secret
metadata:
  name: cluster-tls
  namespace: default
type: kubernetes.io/tls
data:
  ca.crt: {{ $ca.Cert | b64enc }}
  tls.crt: {{ $cert.Cert | b64enc }}
  tls.key: {{ $cert.Key | b64enc }}
'@
        New-ClusterProfile -Name go-tls -ClusterSelector 'region=eu-west' -PolicyRef @{ kind = 'ConfigMap'; name = 'go-tls' } | Save-ClusterProfile -Confirm:$false
        (Invoke-ProfileSync -Name go-tls -Summary).Status | Should -Be 'Provisioned'

        $secret = Get-Live c1 secret cluster-tls
        $pem = { param($Field) [Text.Encoding]::ASCII.GetString([Convert]::FromBase64String($secret.data.$Field)) }
        $ca = [Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem((& $pem 'ca.crt'))
        $cert = [Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem((& $pem 'tls.crt'), (& $pem 'tls.key'))
        $cert.Subject | Should -Be 'CN=c1'
        $cert.Issuer | Should -Be 'CN=fleet-ca'
        $cert.HasPrivateKey | Should -BeTrue
        ($cert.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.17' }).Format($false) | Should -Match 'c1\.eu-west\.example\.com'
        $chain = [Security.Cryptography.X509Certificates.X509Chain]::new()
        $chain.ChainPolicy.RevocationMode = 'NoCheck'
        $chain.ChainPolicy.TrustMode = 'CustomRootTrust'
        $null = $chain.ChainPolicy.CustomTrustStore.Add($ca)
        $chain.Build($cert) | Should -BeTrue

        # Nothing the template reads changed, so it is not rendered again: the certificate stays.
        (Invoke-ProfileSync -Name go-tls).Action | Should -Be 'Unchanged'
        (Get-Live c1 secret cluster-tls).data.'tls.crt' | Should -Be $secret.data.'tls.crt'

        # A change to what the template can read (the cluster's labels) renders it again: new keys.
        Set-SveltosCluster c1 -AddLabel @{ rotation = '2' }
        (Invoke-ProfileSync -Name go-tls).Action | Should -Be 'Updated'
        (Get-Live c1 secret cluster-tls).data.'tls.crt' | Should -Not -Be $secret.data.'tls.crt'
        Set-SveltosCluster c1 -RemoveLabel rotation
        Remove-ClusterProfile -Name go-tls -Confirm:$false
    }
}

Describe 'Templates use cluster labels' {
    It 'produces different objects per cluster (kubectl as witness)' {
        New-TemplateContent per-cluster @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cluster-info
  namespace: default
data:
  name: "{{ .Cluster.metadata.name }}"
  region: "{{ .Cluster.metadata.labels.region }}"
'@
        Set-SveltosCluster c1 -AddLabel @{ tier = 'gold' }
        Set-SveltosCluster c2 -AddLabel @{ tier = 'gold' }
        New-ClusterProfile -Name per-cluster -ClusterSelector 'tier=gold' -PolicyRef @{ kind = 'ConfigMap'; name = 'per-cluster' } | Save-ClusterProfile -Confirm:$false
        Invoke-ProfileSync -Name per-cluster | Out-Null
        (Get-Live c1 configmap cluster-info).data.region | Should -Be 'eu-west'
        (Get-Live c2 configmap cluster-info).data.region | Should -Be 'us-east'
        (Get-Live c2 configmap cluster-info).data.name | Should -Be 'c2'
    }

    It 'previews per-cluster output with Expand-ClusterProfile, changing nothing' {
        $rendered = Get-SveltosCluster c2 -SkipConnectionCheck | Expand-ClusterProfile -Name per-cluster
        $rendered.Yaml | Should -Match 'region: "?us-east'
        $rendered.Kind | Should -Be 'ConfigMap'
    }
}

Describe 'Bad templates fail loudly, locally, and withdraw nothing' {
    BeforeAll {
        function Test-BadTemplate([string] $Manifest, [string] $ErrorId, [string] $Pattern, [string] $Language) {
            New-TemplateContent per-cluster $Manifest -Language $Language
            $results = Invoke-ProfileSync -Name per-cluster -ErrorVariable err -ErrorAction SilentlyContinue
            $results | Where-Object Action -EQ 'Deleted' | Should -BeNullOrEmpty
            @($err).Count | Should -Be 2 -Because 'each cluster reports its own error'
            $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $err[0].Exception.Message | Should -Match $Pattern
            Get-Live c1 configmap cluster-info | Should -Not -BeNullOrEmpty
        }
    }

    It 'reports a syntax error with its line and column' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: {{ if }}" 'TemplateSyntaxError' 'ConfigMap fleet/per-cluster key .content.yaml.*\(5,'
    }

    It 'reports a missing key as Go does, with its position, instead of rendering an empty string' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ .Cluster.metadata.labels.nope }}'" 'TemplateMissingKey' '\(5,\d+\).*map has no entry for key "nope"'
    }

    It 'forbids reading environment variables' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ env ""HOME"" }}'" 'TemplateForbidden' 'env'
    }

    It 'forbids reading files in Scriban content' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ include ""/etc/passwd"" }}'" 'TemplateForbidden' 'include' -Language scriban
    }

    It 'stops an infinite loop' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ range 100000 }}x{{ end }}'" 'TemplateLimitExceeded' 'loop'
    }

    It 'stops an infinite loop in Scriban content' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ while true }}x{{ end }}'" 'TemplateLimitExceeded' 'loop' -Language scriban
    }

    It 'fails Go text in content that asks for Scriban as Scriban, suggesting to remove the annotation' {
        Test-BadTemplate "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cluster-info}`ndata:`n  a: '{{ .Cluster.metadata.name }}'" 'TemplateSyntaxError' 'valid Go template.*remove that annotation' -Language scriban
    }
}
