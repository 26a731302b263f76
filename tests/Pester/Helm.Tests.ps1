# Expand-HelmChart and Publish-HelmChart end to end: charts from folders, archives, an HTTP chart repository served
# here and a real OCI registry (Debian's docker-registry, started by build/ChartRegistry.psm1).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ChartRepositoryServer.psm1') -Force
    Import-Module (Join-Path $env:SVELTOS_REPO 'build/ChartRegistry.psm1') -Force
    Import-BuiltSveltos

    $script:savedCache = $env:SVELTOS_HELM_CACHE
    $env:SVELTOS_HELM_CACHE = Join-Path $TestDrive 'cache'
    $script:scaffold = Join-Path $env:SVELTOS_REPO 'tests/Sveltos.Engine.Tests/Helm/Rendering/Charts/scaffold'

    # A parent chart with a subchart, globals, a hook, a test, a CRD, a schema and .Files.
    function New-WebChart {
        param([string] $Root, [string] $Version = '1.0.0')
        $chart = Join-Path $Root 'web'
        Write-ChartFile $chart 'Chart.yaml' "apiVersion: v2`nname: web`nversion: $Version`nappVersion: `"2.0`"`ndependencies:`n  - name: db`n    version: 0.1.0`n    condition: db.enabled`n"
        Write-ChartFile $chart 'values.yaml' @'
replicaCount: 1
big: 1000000
fromFile: chart
a: chart
b: chart
c: chart
d: chart
e: chart
global:
  team: platform
db:
  enabled: true
'@
        Write-ChartFile $chart 'values.schema.json' '{"type":"object","properties":{"replicaCount":{"type":"integer","minimum":1}}}'
        Write-ChartFile $chart 'files/app.conf' "listen 8080`n"
        Write-ChartFile $chart 'crds/widget.yaml' "apiVersion: apiextensions.k8s.io/v1`nkind: CustomResourceDefinition`nmetadata:`n  name: widgets.example.org`n"
        Write-ChartFile $chart 'templates/_helpers.tpl' '{{- define "web.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}'
        Write-ChartFile $chart 'templates/configmap.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "web.fullname" . }}
  namespace: {{ .Release.Namespace }}
data:
  a: {{ .Values.a | quote }}
  b: {{ .Values.b | quote }}
  c: {{ .Values.c | quote }}
  d: {{ .Values.d | quote }}
  e: {{ .Values.e | quote }}
  dPlusOne: {{ add1 .Values.d | quote }}
  big: {{ .Values.big | quote }}
  fromFile: {{ typeOf .Values.fromFile | quote }}
  app.conf: {{ .Files.Get "files/app.conf" | quote }}
  kube: {{ .Capabilities.KubeVersion.Version | quote }}
'@
        Write-ChartFile $chart 'templates/secret.yaml' "apiVersion: v1`nkind: Secret`nmetadata:`n  name: web-secret`nstringData:`n  password: s3cret-value`n"
        Write-ChartFile $chart 'templates/deployment.yaml' "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: {{ include `"web.fullname`" . }}`nspec:`n  replicas: {{ .Values.replicaCount }}`n"
        Write-ChartFile $chart 'templates/serviceaccount.yaml' "apiVersion: v1`nkind: ServiceAccount`nmetadata:`n  name: web`n"
        Write-ChartFile $chart 'templates/hook.yaml' "apiVersion: batch/v1`nkind: Job`nmetadata:`n  name: migrate`n  annotations:`n    helm.sh/hook: pre-install`n"
        Write-ChartFile $chart 'templates/tests/test.yaml' "apiVersion: v1`nkind: Pod`nmetadata:`n  name: web-test`n  annotations:`n    helm.sh/hook: test`n"
        Write-ChartFile $chart 'templates/NOTES.txt' 'Thanks for installing {{ .Release.Name }}.'
        Write-ChartFile $chart 'charts/db/Chart.yaml' "apiVersion: v2`nname: db`nversion: 0.1.0`n"
        Write-ChartFile $chart 'charts/db/values.yaml' "port: 5432`n"
        Write-ChartFile $chart 'charts/db/templates/service.yaml' "apiVersion: v1`nkind: Service`nmetadata:`n  name: db`n  labels:`n    team: {{ .Values.global.team }}`nspec:`n  ports:`n    - port: {{ .Values.port }}`n"
        $chart
    }

    function Get-Sources([string] $Text) { [regex]::Matches($Text, '(?m)^# Source: (.+)$') | ForEach-Object { $_.Groups[1].Value } }

    $script:web = New-WebChart (Join-Path $TestDrive 'src')
}

AfterAll {
    $env:SVELTOS_HELM_CACHE = $savedCache
}

Describe 'Expand-HelmChart renders a chart folder as helm template prints it' {
    It 'returns one string: the documents in install order, hooks after the manifests (also by kind), CRDs and NOTES left out' {
        $text = Expand-HelmChart $web
        $text | Should -BeOfType string
        @($text).Count | Should -Be 1
        $text | Should -BeLike "---`n# Source: web/templates/serviceaccount.yaml`n*"
        Get-Sources $text | Should -Be @(
            'web/templates/serviceaccount.yaml'
            'web/templates/secret.yaml'
            'web/templates/configmap.yaml'
            'web/charts/db/templates/service.yaml'
            'web/templates/deployment.yaml'
            'web/templates/tests/test.yaml'
            'web/templates/hook.yaml')
        $text | Should -Not -Match 'CustomResourceDefinition'
        $text | Should -Not -Match 'Thanks for installing'
        $text | Should -Match "name: release-name-web`n  namespace: default"
        $text | Should -Match "team: platform"
        $text | Should -Match "- port: 5432"
    }

    It 'honours -IncludeCrds, -SkipTests, -ShowOnly, -ReleaseName, -Namespace and -KubeVersion' {
        $text = Expand-HelmChart $web -IncludeCrds -SkipTests -ReleaseName edge -Namespace apps -KubeVersion 1.29.3
        (Get-Sources $text)[0] | Should -Be 'web/crds/widget.yaml'
        Get-Sources $text | Should -Not -Contain 'web/templates/tests/test.yaml'
        $text | Should -Match "name: edge-web`n  namespace: apps"
        $text | Should -Match 'kube: "v1.29.3"'
        Get-Sources (Expand-HelmChart $web -ShowOnly templates/deployment.yaml) | Should -Be 'web/templates/deployment.yaml'
        Get-Sources (Expand-HelmChart $web -ShowOnly 'charts/db/templates/*') | Should -Be 'web/charts/db/templates/service.yaml'
    }

    It 'merges values files left to right, then -Values, then -Set, then -SetString, with Helm''s types' {
        $f1 = Join-Path $TestDrive 'f1.yaml'; Set-Content $f1 "a: f1`nb: f1`nc: f1`nd: f1`ne: f1`nfromFile: 5"
        $f2 = Join-Path $TestDrive 'f2.yaml'; Set-Content $f2 "b: f2`nc: f2`nd: f2`ne: f2"
        $text = Expand-HelmChart $web -ValuesFile $f1, $f2 -Values @{ c = 'values'; d = 'values'; e = 'values' } -Set 'd=5', 'e=7' -SetString 'e=true'
        $text | Should -Match 'a: "f1"'
        $text | Should -Match 'b: "f2"'
        $text | Should -Match 'c: "values"'
        $text | Should -Match 'd: "5"'
        $text | Should -Match 'dPlusOne: "6"'
        $text | Should -Match 'e: "true"'
        $text | Should -Match 'fromFile: "float64"'
        $text | Should -Match 'big: "1e\+06"'
    }

    It 'disables a subchart through its condition and deletes a key with null' {
        $text = Expand-HelmChart $web -Set 'db.enabled=false'
        Get-Sources $text | Should -Not -Contain 'web/charts/db/templates/service.yaml'
        # Sprig's quote leaves a nil out: the deleted value prints nothing.
        Expand-HelmChart $web -Set 'a=null' | Should -Match '(?m)^  a: $'
    }

    It 'a chart folder, its .tgz and the rendered text agree byte for byte' {
        $package = Publish-HelmChart $web -Destination (Join-Path $TestDrive 'dist')
        $package.Location | Should -Be (Join-Path $TestDrive 'dist/web-1.0.0.tgz')
        Expand-HelmChart $package.Location -Set replicaCount=3 | Should -BeExactly (Expand-HelmChart $web -Set replicaCount=3)
    }

    It '-HideSecret prints a v1 Secret as its source line and Helm''s HIDDEN line, everything else unchanged' {
        $plain = Expand-HelmChart $web
        $hidden = Expand-HelmChart $web -HideSecret
        $plain | Should -Match 's3cret-value'
        $hidden | Should -Not -Match 's3cret-value'
        $hidden | Should -Match "(?m)^# Source: web/templates/secret.yaml`n# HIDDEN: The Secret output has been suppressed`n---"
        $withoutSecret = { param($text) ($text -split '(?m)^---\n' | Where-Object { $_ -notmatch 'templates/secret.yaml' }) -join '---' }
        & $withoutSecret $hidden | Should -BeExactly (& $withoutSecret $plain)
    }

    It 'emits one object per document with -AsObject, Secret values left out' {
        $docs = Expand-HelmChart $web -AsObject
        $docs.Count | Should -Be 7
        $docs[0] | Should -BeOfType Sveltos.HelmChartDocument
        ($docs | Where-Object Kind -EQ Deployment).Object.spec.replicas | Should -Be 1
        ($docs | Where-Object Kind -EQ Job).Hook | Should -Be 'pre-install'
        ($docs | Where-Object Kind -EQ Pod).Hook | Should -Be 'test'
        ($docs | Where-Object Kind -EQ Service).Source | Should -Be 'web/charts/db/templates/service.yaml'
        $secret = $docs | Where-Object Kind -EQ Secret
        $secret.Yaml | Should -Not -Match 's3cret-value'
        ($secret.Object | ConvertTo-Json -Depth 5) | Should -Not -Match 's3cret-value'
        (Expand-HelmChart $web -AsObject -IncludeCrds)[0].IsCrd | Should -BeTrue
    }

    It 'writes Helm''s --output-dir layout and returns the files; -WhatIf writes nothing' {
        $out = Join-Path $TestDrive 'rendered'
        Expand-HelmChart $web -OutputDirectory $out -WhatIf | Should -BeNullOrEmpty
        Test-Path $out | Should -BeFalse
        $files = Expand-HelmChart $web -OutputDirectory $out
        $files | Should -BeOfType System.IO.FileInfo
        $files.FullName | Should -Contain (Join-Path $out 'web/templates/deployment.yaml')
        $files.FullName | Should -Contain (Join-Path $out 'web/charts/db/templates/service.yaml')
        Get-Content -Raw (Join-Path $out 'web/templates/deployment.yaml') | Should -BeLike "---`n# Source: web/templates/deployment.yaml`n*replicas: 1*"
    }

    It 'renders each piped chart on its own: a bad one is a non-terminating error and the next one renders' {
        $bad = Join-Path $TestDrive 'bad'
        Write-ChartFile $bad 'Chart.yaml' "apiVersion: v2`nname: bad`nversion: 0.1.0`n"
        Write-ChartFile $bad 'templates/cm.yaml' "apiVersion: v1`nkind: ConfigMap`ndata:`n  x: {{ .Values.x.y.z }}`n"
        $out = $bad, $web | Expand-HelmChart -ErrorVariable errors -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $errors.Count | Should -Be 1
        "$($errors[0])" | Should -Match 'template: bad/templates/cm.yaml:4:\d+: executing "bad/templates/cm.yaml" at <\.Values\.x\.y\.z>: nil pointer evaluating interface \{\}\.y'
        $errors[0].TargetObject | Should -Be $bad
    }
}

Describe 'Expand-HelmChart errors have Helm''s meaning and name the chart, file and line' {
    BeforeAll {
        $script:broken = Join-Path $TestDrive 'broken'
        Write-ChartFile $broken 'Chart.yaml' "apiVersion: v2`nname: broken`nversion: 0.1.0`n"
        Write-ChartFile $broken 'values.schema.json' '{"type":"object","properties":{"replicas":{"type":"integer","minimum":1}}}'
        Write-ChartFile $broken 'values.yaml' "replicas: 1`nmode: ok`n"
        Write-ChartFile $broken 'templates/cm.yaml' @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  {{- if eq .Values.mode "fail" }}
  {{ fail "mode fail is not allowed" }}
  {{- end }}
  {{- if eq .Values.mode "required" }}
  password: {{ required "a password is required" .Values.password }}
  {{- end }}
  {{- if eq .Values.mode "yaml" }}
  bad: [unclosed
  {{- end }}
'@
    }

    It 'a values.schema.json violation names the value and the rule' {
        { Expand-HelmChart $broken -Set replicas=0 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*replicas*'
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'HelmValuesSchemaViolation*'
        "$($Error[0])" | Should -Match 'minimum|greater than or equal'
    }

    It 'fail and required stop the render with their message and the template''s location' {
        { Expand-HelmChart $broken -Set mode=fail -ErrorAction Stop } | Should -Throw -ExpectedMessage '*broken/templates/cm.yaml:7:*mode fail is not allowed*'
        { Expand-HelmChart $broken -Set mode=required -ErrorAction Stop } | Should -Throw -ExpectedMessage '*broken/templates/cm.yaml:10:*a password is required*'
    }

    It 'rendered YAML that does not parse names the template' {
        { Expand-HelmChart $broken -Set mode=yaml -ErrorAction Stop } | Should -Throw -ExpectedMessage '*broken/templates/cm.yaml*'
    }

    It 'a values file that does not parse names the file and line; a missing one is named too' {
        $file = Join-Path $TestDrive 'broken-values.yaml'
        Set-Content $file "ok: 1`nlist: [1,`n"
        { Expand-HelmChart $broken -ValuesFile $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*broken-values.yaml*line*'
        { Expand-HelmChart $broken -ValuesFile nope.yaml -ErrorAction Stop } | Should -Throw -ExpectedMessage "*values file 'nope.yaml' not found*"
    }

    It 'a -Set that breaks Helm''s grammar, a missing chart and an unsatisfied version are clear errors' {
        { Expand-HelmChart $broken -Set 'a[=1' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*--set grammar*"
        { Expand-HelmChart (Join-Path $TestDrive 'missing') -ErrorAction Stop } | Should -Throw -ExpectedMessage '*not found*'
        { Expand-HelmChart $broken -Version '>=1' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*version 0.1.0, which does not satisfy*'
    }
}

Describe 'Charts from an HTTP chart repository that Publish-HelmChart keeps' {
    BeforeAll {
        $script:repoRoot = Join-Path $TestDrive 'repo'
        foreach ($version in '0.1.0', '0.2.0', '1.0.0-rc.1') {
            $source = New-WebChart (Join-Path $TestDrive "v$version") -Version $version
            Publish-HelmChart $source -Repository $repoRoot | Out-Null
        }
        $script:repo = Start-TestChartRepository -Root $repoRoot
        $password = ConvertTo-SecureString 'repo-pass-8842' -AsPlainText -Force
        $script:cred = [pscredential]::new('reader', $password)
        $script:privateRepo = Start-TestChartRepository -Root $repoRoot -Credential $cred
    }

    AfterAll {
        Stop-TestChartRepository $repo
        Stop-TestChartRepository $privateRepo
    }

    It 'Publish-HelmChart -Repository writes index.yaml as helm repo index: every version, newest first, digests' {
        $index = Get-Content -Raw (Join-Path $repoRoot 'index.yaml')
        $index | Should -Match '(?s)^apiVersion: v1\nentries:\n  web:\n'
        [regex]::Matches($index, '(?m)^      version: (.+)$').Groups.Where({ $_.Name -eq '1' }).Value | Should -Be '1.0.0-rc.1', '0.2.0', '0.1.0'
        $digest = (Get-FileHash (Join-Path $repoRoot 'web-0.2.0.tgz') -Algorithm SHA256).Hash.ToLowerInvariant()
        $index | Should -Match "digest: $digest"
        $index | Should -Match '- web-0.2.0.tgz'
    }

    It 'picks the newest stable version, or the newest that a constraint allows' {
        Expand-HelmChart web -RepositoryUrl $repo.Url -AsObject | Select-Object -First 1 -ExpandProperty Chart | Should -Be 'web'
        (Expand-HelmChart web -RepositoryUrl $repo.Url -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 0\.2\.0'
        (Expand-HelmChart web -RepositoryUrl $repo.Url -Version '~0.1' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 0\.1\.0'
        (Expand-HelmChart web -RepositoryUrl $repo.Url -Version '>=1.0.0-0' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 1\.0\.0-rc\.1'
        { Expand-HelmChart web -RepositoryUrl $repo.Url -Version '^3' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*version "^3" not found*0.2.0*'
        { Expand-HelmChart wbe -RepositoryUrl $repo.Url -ErrorAction Stop } | Should -Throw -ExpectedMessage '*chart "wbe" not found*'
    }

    It 'renders a repository chart exactly as the same chart from its folder' {
        $folder = Join-Path $TestDrive 'v0.2.0/web'
        Expand-HelmChart web -RepositoryUrl $repo.Url -Set replicaCount=2 | Should -BeExactly (Expand-HelmChart $folder -Set replicaCount=2)
    }

    It 'downloads a chart version once per call however many times it is asked for, then serves it from the verified cache' {
        $repo.Requests.Clear()
        'web', 'web', 'web' | Expand-HelmChart -RepositoryUrl $repo.Url -Version 0.1.0 | Should -HaveCount 3
        $repo.Requests['/index.yaml'] | Should -Be 1
        $repo.Requests['/web-0.1.0.tgz'] | Should -BeIn @($null, 1)
        $digest = (Get-FileHash (Join-Path $repoRoot 'web-0.1.0.tgz') -Algorithm SHA256).Hash.ToLowerInvariant()
        $cached = Join-Path $env:SVELTOS_HELM_CACHE "sha256/$digest.tgz"
        Test-Path $cached | Should -BeTrue

        # A damaged cache file is never used: it is dropped and the chart downloaded again.
        $repo.Requests.Clear()
        [IO.File]::WriteAllBytes($cached, [byte[]](1, 2, 3))
        Expand-HelmChart web -RepositoryUrl $repo.Url -Version 0.1.0 | Should -Match 'web/templates/deployment.yaml'
        $repo.Requests['/web-0.1.0.tgz'] | Should -Be 1
        (Get-FileHash $cached -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $digest

        $repo.Requests.Clear()
        Expand-HelmChart web -RepositoryUrl $repo.Url -Version 0.1.0 | Out-Null
        $repo.Requests.ContainsKey('/web-0.1.0.tgz') | Should -BeFalse
    }

    It 'sends -Credential to a private repository and never shows the password' {
        { Expand-HelmChart web -RepositoryUrl $privateRepo.Url -ErrorAction Stop } | Should -Throw
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'HelmRepositoryUnauthorized*'
        $wrong = [pscredential]::new('reader', (ConvertTo-SecureString 'wrong-pass-1234' -AsPlainText -Force))
        { Expand-HelmChart web -RepositoryUrl $privateRepo.Url -Credential $wrong -ErrorAction Stop } | Should -Throw
        "$($Error[0]) $($Error[0].ErrorDetails.RecommendedAction)" | Should -Not -Match 'wrong-pass-1234'
        $text = Expand-HelmChart web -RepositoryUrl $privateRepo.Url -Credential $cred -Verbose 4>&1 | Out-String
        $text | Should -Match 'web/templates/deployment.yaml'
        $text | Should -Not -Match 'repo-pass-8842'
    }
}

Describe 'Charts in a real OCI registry (docker-registry), pushed with Publish-HelmChart' {
    BeforeAll {
        $script:anonymous = Start-ChartRegistry -Auth None
        $script:basic = Start-ChartRegistry -Auth Basic
        $script:registryCred = [pscredential]::new($basic.Username, (ConvertTo-SecureString $basic.Password -AsPlainText -Force))
    }

    AfterAll {
        if ($anonymous) { Stop-ChartRegistry $anonymous }
        if ($basic) { Stop-ChartRegistry $basic }
    }

    It 'pushes a chart as helm push does and renders it back byte for byte' {
        $pushed = Publish-HelmChart $web -Repository "oci://$($anonymous.Host)/charts" -PlainHttp
        $pushed.Target | Should -Be 'Registry'
        $pushed.Location | Should -Be "oci://$($anonymous.Host)/charts/web:1.0.0"
        $pushed.ManifestDigest | Should -Match '^sha256:[0-9a-f]{64}$'

        $manifest = Invoke-RestMethod "$($anonymous.Url)/v2/charts/web/manifests/1.0.0" -Headers @{ Accept = 'application/vnd.oci.image.manifest.v1+json' }
        $manifest.config.mediaType | Should -Be 'application/vnd.cncf.helm.config.v1+json'
        $manifest.layers[0].mediaType | Should -Be 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'
        $manifest.layers[0].digest | Should -Be "sha256:$($pushed.Digest)"
        $manifest.annotations.'org.opencontainers.image.title' | Should -Be 'web'
        $manifest.annotations.'org.opencontainers.image.version' | Should -Be '1.0.0'
        $config = Invoke-RestMethod "$($anonymous.Url)/v2/charts/web/blobs/$($manifest.config.digest)"
        $config.name | Should -Be 'web'
        $config.appVersion | Should -Be '2.0'

        Expand-HelmChart "oci://$($anonymous.Host)/charts/web" -Version 1.0.0 -PlainHttp | Should -BeExactly (Expand-HelmChart $web)
    }

    It 'picks a version among the registry''s tags with a constraint' {
        $older = New-WebChart (Join-Path $TestDrive 'oci-old') -Version 0.9.0
        Publish-HelmChart $older -Repository "oci://$($anonymous.Host)/charts" -PlainHttp | Out-Null
        (Expand-HelmChart "oci://$($anonymous.Host)/charts/web" -Version '<1' -PlainHttp -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 0\.9\.0'
        (Expand-HelmChart "oci://$($anonymous.Host)/charts/web" -PlainHttp -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 1\.0\.0'
        (Expand-HelmChart web -RepositoryUrl "oci://$($anonymous.Host)/charts" -Version 0.9.0 -PlainHttp -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'web 0\.9\.0'
    }

    It 'a registry with basic auth needs -Credential, and the password never shows' {
        { Publish-HelmChart $web -Repository "oci://$($basic.Host)/charts" -PlainHttp -ErrorAction Stop } | Should -Throw
        "$($Error[0])" | Should -Not -Match ([regex]::Escape($basic.Password))
        $pushed = Publish-HelmChart $web -Repository "oci://$($basic.Host)/charts" -PlainHttp -Credential $registryCred
        $pushed.ManifestDigest | Should -Match '^sha256:'
        { Expand-HelmChart "oci://$($basic.Host)/charts/web" -Version 1.0.0 -PlainHttp -ErrorAction Stop } | Should -Throw
        $text = Expand-HelmChart "oci://$($basic.Host)/charts/web" -Version 1.0.0 -PlainHttp -Credential $registryCred -Verbose 4>&1 | Out-String
        $text | Should -Match 'web/templates/deployment.yaml'
        $text | Should -Not -Match ([regex]::Escape($basic.Password))
    }

    It '-WhatIf pushes nothing' {
        $before = (Invoke-RestMethod "$($anonymous.Url)/v2/charts/scaffold/tags/list" -SkipHttpErrorCheck)
        Publish-HelmChart $scaffold -Repository "oci://$($anonymous.Host)/charts" -PlainHttp -WhatIf | Should -BeNullOrEmpty
        $after = Invoke-RestMethod "$($anonymous.Url)/v2/charts/scaffold/tags/list" -SkipHttpErrorCheck
        $after.tags | Should -BeNullOrEmpty
        $before.tags | Should -BeNullOrEmpty
    }
}

Describe 'Help for the Helm cmdlets' {
    It 'Get-Help <cmdlet> -Full has a synopsis, examples and every parameter described' -ForEach @(@{ Name = 'Expand-HelmChart' }, @{ Name = 'Publish-HelmChart' }) {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }
}
