# Helpers shared by the Pester suites. The suites run in a child pwsh started by build.ps1, which
# sets SVELTOS_MODULE (the built manifest), SVELTOS_REPO, SVELTOS_TOOLS and SVELTOS_PWSH.

function Import-BuiltSveltos {
    Import-Module $env:SVELTOS_MODULE -Force -Global
}

function Invoke-FreshPwsh {
    # Runs a script in a brand-new pwsh process and returns its output lines; throws on failure.
    param([Parameter(Mandatory)] [string] $Script)

    $run = Invoke-Pwsh $Script
    if ($run.ExitCode -ne 0) {
        throw "Child pwsh failed ($($run.ExitCode)): $($run.Output -join [Environment]::NewLine)"
    }
    $run.Output
}

function Invoke-Pwsh {
    # Runs a script in a brand-new pwsh -NonInteractive, as a -File script or as a -Command, and returns its exit
    # code and output lines (errors included) without judging them: for tests of exit codes. The child does not
    # inherit the CI variables of the run (GITHUB_ACTIONS, TF_BUILD, ...): a script that wants them sets them.
    param([Parameter(Mandatory)] [string] $Script, [ValidateSet('File', 'Command')] [string] $Mode = 'File')

    $pwsh = $env:SVELTOS_PWSH -split [IO.Path]::PathSeparator
    $file = Join-Path ([IO.Path]::GetTempPath()) "sveltos-test-$([guid]::NewGuid()).ps1"
    $ci = 'GITHUB_ACTIONS', 'GITHUB_WORKSPACE', 'TF_BUILD', 'BUILD_SOURCESDIRECTORY'
    $saved = @{}
    foreach ($name in $ci) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    try {
        $output = if ($Mode -eq 'File') {
            Set-Content -LiteralPath $file -Value $Script
            & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -File $file 2>&1
        }
        else {
            & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -Command $Script 2>&1
        }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
    finally {
        foreach ($name in $ci) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item -LiteralPath $file -ErrorAction Ignore
    }
}

function New-TestKubeconfig {
    # Writes a kubeconfig with one context per cluster name, each with a token credential.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string[]] $Cluster,
        [string] $Token = 'test-token',
        [string] $CurrentContext
    )

    $lines = @('apiVersion: v1', 'kind: Config', 'clusters:')
    foreach ($c in $Cluster) {
        $lines += "- name: $c", '  cluster:', "    server: https://$c.example.test:6443"
    }
    $lines += 'contexts:'
    foreach ($c in $Cluster) {
        $lines += "- name: $c", '  context:', "    cluster: $c", "    user: $c-admin", "    namespace: ns-$c"
    }
    $lines += 'users:'
    foreach ($c in $Cluster) {
        $lines += "- name: $c-admin", '  user:', "    token: $Token"
    }
    if ($CurrentContext) { $lines += "current-context: $CurrentContext" }
    Set-Content -LiteralPath $Path -Value $lines
    $Path
}

function Start-TestKubeSim {
    # A KubeSim with a management cluster and the given workload clusters; Stop-KubeSim ends it.
    param([string[]] $Clusters = @('c1', 'c2', 'c3'), [string] $Management = 'mgmt', [int] $RuntimeDelayMs = 50)

    Import-Module (Join-Path $env:SVELTOS_REPO 'build/KubeSim.psm1') -Global -Force
    Start-KubeSim -Clusters $Clusters -Management $Management -KubeconfigPath (Join-Path ([IO.Path]::GetTempPath()) "sveltos-kubesim-$([guid]::NewGuid()).kubeconfig") -RuntimeDelayMs $RuntimeDelayMs
}

function Write-FleetContent {
    # Writes a ConfigMap (in the fleet directory) whose key holds the given manifests.
    param([string] $FleetPath, [string] $Name, [string] $Manifests, [string] $Namespace = 'fleet', [hashtable] $Annotations)

    $indented = ($Manifests -split "`r?`n" | ForEach-Object { "    $_" }) -join "`n"
    $annotationText = if ($Annotations) { "`n  annotations:`n" + (($Annotations.GetEnumerator() | ForEach-Object { "    $($_.Key): '$($_.Value)'" }) -join "`n") } else { '' }
    New-Item -ItemType Directory -Force (Join-Path $FleetPath 'content') | Out-Null
    Set-Content (Join-Path $FleetPath "content/$Name.yaml") "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $Name`n  namespace: $Namespace$annotationText`ndata:`n  manifests.yaml: |`n$indented`n"
}

function Write-FleetProfile {
    # Writes a ClusterProfile into the fleet directory.
    param([string] $FleetPath, [string] $Name, [string] $Selector, [string[]] $ConfigMap, [string] $Extra = '')

    $refs = ($ConfigMap | ForEach-Object { "{kind: ConfigMap, name: $_}" }) -join ', '
    New-Item -ItemType Directory -Force (Join-Path $FleetPath 'profiles') | Out-Null
    Set-Content (Join-Path $FleetPath "profiles/$Name.yaml") "apiVersion: config.projectsveltos.io/v1beta1`nkind: ClusterProfile`nmetadata:`n  name: $Name`nspec:`n  clusterSelector:`n    matchLabels: $Selector`n  policyRefs: [$refs]`n$Extra"
}

function Get-WebAddOn {
    # The add-on most sync tests deploy: a namespace, a Deployment and a ConfigMap.
    Get-Content -Raw (Join-Path $PSScriptRoot '../Content/web-addon.yaml')
}

function New-TestFleet {
    # A KubeSim and a fleet directory whose clusters are its contexts, labelled as given (name -> labels).
    param([hashtable] $Clusters)

    $sim = Start-TestKubeSim -Clusters @($Clusters.Keys | Sort-Object)
    $path = Join-Path ([IO.Path]::GetTempPath()) "sveltos-fleet-$([guid]::NewGuid())"
    New-Item -ItemType Directory $path | Out-Null
    foreach ($name in $Clusters.Keys) {
        Register-SveltosCluster -Name $name -Namespace fleet -Label $Clusters[$name] -FleetPath $path -Kubeconfig $sim.KubeconfigPath | Out-Null
    }
    [pscustomobject]@{ Sim = $sim; Path = $path; Kubeconfig = $sim.KubeconfigPath }
}

function Remove-TestFleet($Fleet) {
    Stop-KubeSim $Fleet.Sim
    Remove-Item $Fleet.Path -Recurse -Force -ErrorAction Ignore
}

function Get-Live {
    # An object of a test fleet's cluster as kubectl sees it; nothing when it does not exist.
    param($Fleet, [string] $Cluster, [string] $Kind, [string] $Name, [string] $Namespace = 'web')
    $json = kubectl --kubeconfig $Fleet.Kubeconfig --context $Cluster get $Kind $Name -n $Namespace -o json --ignore-not-found 2>$null
    if ($json) { $json | ConvertFrom-Json }
}

function Wait-Until {
    # Polls until the condition holds; returns the seconds it took, or throws after $Seconds.
    param([scriptblock] $Condition, [double] $Seconds = 10)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    while ($watch.Elapsed.TotalSeconds -lt $Seconds) {
        if (& $Condition) { return $watch.Elapsed.TotalSeconds }
        Start-Sleep -Milliseconds 100
    }
    throw "not within $Seconds s: $Condition"
}


function Start-Background {
    # Runs a command of the module in a runspace, as a user's long-running command; .Stop() is Ctrl+C.
    param([scriptblock] $Script, [object[]] $Arguments)
    $sink = [Collections.ArrayList]::Synchronized([Collections.ArrayList]::new())
    # One statement, the module imported inside it: a batch of statements runs on PowerShell's own
    # thread-pool work item, which crashes the process if the runspace is disposed while it runs.
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
            param($module, $script, [object[]] $arguments)
            Import-Module $module
            & ([scriptblock]::Create($script)) @arguments
        }).AddArgument($env:SVELTOS_MODULE).AddArgument($Script.ToString()).AddArgument([object[]](@(, $sink) + @($Arguments)))
    [pscustomobject]@{ PowerShell = $ps; Output = $sink; Async = $ps.BeginInvoke() }
}

function Write-ChartFile {
    # Writes one file of a test chart (folders created), exactly the given text.
    param([string] $Chart, [string] $Path, [string] $Text)
    $file = Join-Path $Chart $Path
    New-Item -ItemType Directory -Path (Split-Path $file) -Force | Out-Null
    [IO.File]::WriteAllText($file, $Text)
}

function Write-HelmChartProfile {
    # A ClusterProfile (named after the release) of one helmCharts entry for the env=prod clusters of a test fleet:
    # values and options given as YAML text, indented here.
    param($Fleet, [string] $RepositoryUrl, [string] $Chart, [string] $Version, [string] $Release, [string] $Namespace = 'apps',
        [string] $Values = '', [string] $Options = '', [string] $Action = 'Install')
    $indented = ($Values -split "`n" | ForEach-Object { "        $_" }) -join "`n"
    $optionText = if ($Options) { "      options:`n" + (($Options -split "`n" | ForEach-Object { "        $_" }) -join "`n") } else { '' }
    Set-Content (Join-Path $Fleet.Path "profiles/$Release.yaml") @"
apiVersion: config.projectsveltos.io/v1beta1
kind: ClusterProfile
metadata:
  name: $Release
spec:
  clusterSelector:
    matchLabels: {env: prod}
  helmCharts:
    - repositoryURL: $RepositoryUrl
      repositoryName: demo
      chartName: demo/$Chart
      chartVersion: $Version
      releaseName: $Release
      releaseNamespace: $Namespace
      helmChartAction: $Action
      values: |
$indented
$optionText
"@
}

Export-ModuleMember -Function Import-BuiltSveltos, Invoke-FreshPwsh, Invoke-Pwsh, New-TestKubeconfig, Start-TestKubeSim, Write-FleetContent, Write-FleetProfile, Get-WebAddOn, New-TestFleet, Remove-TestFleet, Get-Live, Wait-Until, Start-Background, Write-ChartFile, Write-HelmChartProfile
