#Requires -Version 7.4
# PowerShell helpers for KubeSim, the project's Kubernetes API emulator: start the built `kubesim` as a child
# process, steer its clusters through the control endpoint, and stop it.

$script:Current = $null

function Resolve-KubeSimPath {
    param([string] $Path)

    if ($Path) { return (Resolve-Path -LiteralPath $Path).Path }
    if ($env:SVELTOS_KUBESIM -and (Test-Path -LiteralPath $env:SVELTOS_KUBESIM)) { return $env:SVELTOS_KUBESIM }
    $root = Split-Path $PSScriptRoot
    $candidates = @(
        Join-Path $root 'out/kubesim/kubesim.dll'
        Get-ChildItem (Join-Path $root 'src/Sveltos.KubeSim/bin') -Filter 'kubesim.dll' -Recurse -ErrorAction Ignore |
            Sort-Object LastWriteTime -Descending | Select-Object -ExpandProperty FullName
    )
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path -LiteralPath $candidate)) { return $candidate }
    }
    throw "kubesim is not built: run 'dotnet build src/Sveltos.KubeSim', pass -Path, or set SVELTOS_KUBESIM."
}

function Resolve-KubeSim {
    param($KubeSim)

    $sim = if ($KubeSim) { $KubeSim } else { $script:Current }
    if (-not $sim) { throw 'No KubeSim: pass -KubeSim or run Start-KubeSim first.' }
    $sim
}

function Invoke-KubeSimControl {
    param($KubeSim, [string] $Method, [string] $Path, [hashtable] $Body)

    $parameters = @{
        Uri     = $KubeSim.ControlUrl + $Path
        Method  = $Method
        Headers = @{ Authorization = "Bearer $($KubeSim.ControlToken)" }
    }
    if ($Body) {
        $parameters.Body = $Body | ConvertTo-Json -Compress -Depth 5
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

function Start-KubeSim {
    <#
    .SYNOPSIS
    Starts KubeSim (the built kubesim) as a child process and waits until it serves.
    .DESCRIPTION
    Returns an object with the kubeconfig path (one context per cluster), the control endpoint and its token,
    the cluster names and details, and the process. The other *-KubeSim* functions use the last one started
    unless given -KubeSim.
    .EXAMPLE
    $sim = Start-KubeSim -Clusters prod-1, prod-2 -Management mgmt
    kubectl --kubeconfig $sim.KubeconfigPath --context prod-1 get nodes
    Stop-KubeSim $sim
    #>
    [CmdletBinding()]
    param(
        [string[]] $Clusters = @(),
        [string] $Management,
        [string] $FleetFile,
        [string] $KubeconfigPath,
        [int] $Port = 0,
        [int] $ControlPort = 0,
        [string] $Version,
        [int] $Nodes = 0,
        [switch] $PlainHttp,
        [switch] $NoRuntime,
        [int] $RuntimeDelayMs = -1,
        [int] $WatchHistory = 0,
        [string] $Path,
        [int] $TimeoutSeconds = 60
    )

    $arguments = [System.Collections.Generic.List[string]]::new()
    if ($Clusters) { $arguments.AddRange([string[]]@('--clusters', ($Clusters -join ','))) }
    if ($Management) { $arguments.AddRange([string[]]@('--management', $Management)) }
    if ($FleetFile) { $arguments.AddRange([string[]]@('--fleet', (Resolve-Path -LiteralPath $FleetFile).Path)) }
    if ($KubeconfigPath) { $arguments.AddRange([string[]]@('--kubeconfig', [IO.Path]::GetFullPath($KubeconfigPath))) }
    if ($Port) { $arguments.AddRange([string[]]@('--port', $Port)) }
    if ($ControlPort) { $arguments.AddRange([string[]]@('--control-port', $ControlPort)) }
    if ($Version) { $arguments.AddRange([string[]]@('--version', $Version)) }
    if ($Nodes) { $arguments.AddRange([string[]]@('--nodes', $Nodes)) }
    if ($PlainHttp) { $arguments.Add('--plain-http') }
    if ($NoRuntime) { $arguments.Add('--no-runtime') }
    if ($RuntimeDelayMs -ge 0) { $arguments.AddRange([string[]]@('--runtime-delay-ms', $RuntimeDelayMs)) }
    if ($WatchHistory) { $arguments.AddRange([string[]]@('--watch-history', $WatchHistory)) }

    $executable = Resolve-KubeSimPath $Path
    $start = [System.Diagnostics.ProcessStartInfo]::new()
    if ($executable.EndsWith('.dll')) {
        $start.FileName = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
        $start.ArgumentList.Add($executable)
    }
    else {
        $start.FileName = $executable
    }
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false

    Write-Verbose "Starting $($start.FileName) $($start.ArgumentList -join ' ')"
    $process = [System.Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $ready = $null
    while (-not $ready) {
        $line = $process.StandardOutput.ReadLineAsync()
        while (-not $line.Wait(200)) {
            if ([DateTime]::UtcNow -gt $deadline) {
                $process.Kill($true)
                throw "KubeSim did not become ready within $TimeoutSeconds seconds."
            }
        }
        if ($null -eq $line.Result) {
            $process.WaitForExit()
            throw "KubeSim exited with code $($process.ExitCode): $($errors.Result)"
        }
        Write-Verbose $line.Result
        if ($line.Result.StartsWith('ready ')) { $ready = $line.Result.Substring(6) | ConvertFrom-Json }
    }
    # Keep draining stdout so the child never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()

    $sim = [pscustomobject]@{
        PSTypeName     = 'KubeSim'
        KubeconfigPath = $ready.kubeconfig
        ControlUrl     = $ready.controlUrl
        ControlToken   = $ready.controlToken
        Clusters       = [string[]]@($ready.clusters.name)
        ClusterInfo    = @($ready.clusters)
        Process        = $process
    }
    $script:Current = $sim
    $sim
}

function Stop-KubeSim {
    <#
    .SYNOPSIS
    Stops a KubeSim started with Start-KubeSim (asks it to shut down cleanly, then kills it if it lingers).
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline)] $KubeSim, [int] $TimeoutSeconds = 10)

    process {
        $sim = Resolve-KubeSim $KubeSim
        if (-not $sim.Process.HasExited) {
            try { $null = Invoke-KubeSimControl $sim Post '/shutdown' }
            catch { Write-Verbose "Shutdown request failed: $_" }
            if (-not $sim.Process.WaitForExit($TimeoutSeconds * 1000)) { $sim.Process.Kill($true) }
        }
        if ($script:Current -eq $sim) { $script:Current = $null }
    }
}

function Get-KubeSimCluster {
    <#
    .SYNOPSIS
    Describes the simulated clusters: server, token, version, down, latency, failure injection.
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name, $KubeSim)

    $sim = Resolve-KubeSim $KubeSim
    if ($Name) { Invoke-KubeSimControl $sim Get "/clusters/$([uri]::EscapeDataString($Name))" }
    else { Invoke-KubeSimControl $sim Get '/clusters' | ForEach-Object { $_ } }
}

function Set-KubeSimCluster {
    <#
    .SYNOPSIS
    Changes a simulated cluster at run time: down/up, latency, injected failures, reported version.
    .EXAMPLE
    Set-KubeSimCluster prod-1 -Down
    Set-KubeSimCluster prod-1 -Up -LatencyMs 50 -FailureRate 0.1 -FailureCode 429 -RetryAfterSeconds 2
    Set-KubeSimCluster prod-1 -FailNext 2 -FailureCode 429    # exactly the next two requests fail
    Set-KubeSimCluster prod-1 -Version v1.29.4
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [string] $Name,
        [switch] $Down,
        [switch] $Up,
        [Alias('Latency')] [int] $LatencyMs = -1,
        [double] $FailureRate = -1,
        [int] $FailNext = -1,
        [ValidateSet(429, 500, 503)] [int] $FailureCode,
        [int] $RetryAfterSeconds = -1,
        [string] $Version,
        [int] $WatchHistorySize = 0,
        $KubeSim
    )

    process {
        if ($Down -and $Up) { throw 'Give -Down or -Up, not both.' }
        $change = @{}
        if ($Down) { $change.down = $true }
        if ($Up) { $change.down = $false }
        if ($LatencyMs -ge 0) { $change.latencyMs = $LatencyMs }
        if ($FailureRate -ge 0) { $change.failureRate = $FailureRate }
        if ($FailNext -ge 0) { $change.failNext = $FailNext }
        if ($FailureCode) { $change.failureStatusCode = $FailureCode }
        if ($RetryAfterSeconds -ge 0) { $change.retryAfterSeconds = $RetryAfterSeconds }
        if ($Version) { $change.version = $Version }
        if ($WatchHistorySize) { $change.watchHistorySize = $WatchHistorySize }
        if ($PSCmdlet.ShouldProcess($Name, 'Change simulated cluster')) {
            Invoke-KubeSimControl (Resolve-KubeSim $KubeSim) Patch "/clusters/$([uri]::EscapeDataString($Name))" $change
        }
    }
}

function Get-KubeSimCounter {
    <#
    .SYNOPSIS
    Requests served per verb (get, list, watch, create, update, patch, apply, delete, discovery, rejected, total).
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name, [switch] $Reset, $KubeSim)

    $sim = Resolve-KubeSim $KubeSim
    $names = if ($Name) { @($Name) } else { @(Invoke-KubeSimControl $sim Get '/clusters' | ForEach-Object { $_.name }) }
    foreach ($cluster in $names) {
        $path = "/clusters/$([uri]::EscapeDataString($cluster))/counters"
        $counters = Invoke-KubeSimControl $sim Get $path
        if ($Reset) { $null = Invoke-KubeSimControl $sim Delete $path }
        $counters | Add-Member -NotePropertyName Cluster -NotePropertyValue $cluster -PassThru
    }
}

function Add-KubeSimCluster {
    <#
    .SYNOPSIS
    Adds a simulated cluster while KubeSim runs; the kubeconfig gets a context for it.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [string] $Version = 'v1.32.0',
        [int] $Nodes = 1,
        [hashtable] $NodeLabels = @{},
        $KubeSim
    )

    if ($PSCmdlet.ShouldProcess($Name, 'Add simulated cluster')) {
        Invoke-KubeSimControl (Resolve-KubeSim $KubeSim) Post '/clusters' @{ name = $Name; version = $Version; nodes = $Nodes; nodeLabels = $NodeLabels }
    }
}

function Remove-KubeSimCluster {
    <#
    .SYNOPSIS
    Removes a simulated cluster (its port closes for good; its context leaves the kubeconfig).
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [string] $Name, $KubeSim)

    process {
        if ($PSCmdlet.ShouldProcess($Name, 'Remove simulated cluster')) {
            $null = Invoke-KubeSimControl (Resolve-KubeSim $KubeSim) Delete "/clusters/$([uri]::EscapeDataString($Name))"
        }
    }
}

Export-ModuleMember -Function Start-KubeSim, Stop-KubeSim, Get-KubeSimCluster, Set-KubeSimCluster, Get-KubeSimCounter, Add-KubeSimCluster, Remove-KubeSimCluster
