#Requires -Version 7.4
# A real OCI registry for the Helm chart tests: Debian's docker-registry package (the CNCF distribution registry),
# installed with apt when missing and started on loopback ports with filesystem storage in a temporary folder.
# Three instances make a set: anonymous, htpasswd basic auth, and token auth (the tests serve the token endpoint
# and sign tokens with the key this script writes).

$script:Executable = '/usr/bin/docker-registry'
$script:Htpasswd = '/usr/bin/htpasswd'

function Install-ChartRegistry {
    <#
    .SYNOPSIS
    Makes sure docker-registry (and htpasswd for basic auth) is installed; installs both with apt-get as root.
    .OUTPUTS
    An object with Available and, when it is not, the Reason.
    #>
    [CmdletBinding()]
    param()

    $missing = @(
        if (-not (Test-Path -LiteralPath $script:Executable)) { 'docker-registry' }
        if (-not (Test-Path -LiteralPath $script:Htpasswd)) { 'apache2-utils' }
    )
    if ($missing.Count -eq 0) { return [pscustomobject]@{ Available = $true; Reason = $null } }

    $aptGet = Get-Command apt-get -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $aptGet) {
        return [pscustomobject]@{ Available = $false; Reason = "apt-get is not available to install $($missing -join ', ')" }
    }
    if ((& id -u) -ne '0') {
        return [pscustomobject]@{ Available = $false; Reason = "installing $($missing -join ', ') needs root (apt-get)" }
    }

    $env:DEBIAN_FRONTEND = 'noninteractive'
    Write-Verbose "apt-get install -y $($missing -join ' ')"
    $log = & $aptGet.Source install -y @missing 2>&1
    if ($LASTEXITCODE -ne 0) {
        $null = & $aptGet.Source update 2>&1
        $log = & $aptGet.Source install -y @missing 2>&1
    }
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $script:Executable)) {
        $tail = ($log | Select-Object -Last 5) -join ' '
        return [pscustomobject]@{ Available = $false; Reason = "apt-get install $($missing -join ' ') failed: $tail" }
    }
    [pscustomobject]@{ Available = $true; Reason = $null }
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function New-TokenSigningCertificate {
    param([string] $Directory)

    $key = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        'CN=sveltos-test-token-issuer', $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddMinutes(-5), $now.AddDays(2))
    $certificatePath = Join-Path $Directory 'token-issuer.crt'
    $keyPath = Join-Path $Directory 'token-issuer.key'
    Set-Content -LiteralPath $certificatePath -Value $certificate.ExportCertificatePem() -NoNewline
    Set-Content -LiteralPath $keyPath -Value $key.ExportPkcs8PrivateKeyPem() -NoNewline
    [pscustomobject]@{ CertificatePath = $certificatePath; KeyPath = $keyPath }
}

function New-ChartRegistryInstance {
    # Writes the folder, configuration and credentials of one instance and launches it, without waiting.
    param([string] $Auth)

    $directory = Join-Path ([IO.Path]::GetTempPath()) "sveltos-registry-$([guid]::NewGuid().ToString('n').Substring(0, 12))"
    New-Item -ItemType Directory -Path (Join-Path $directory 'data') -Force | Out-Null
    $port = Get-FreeLoopbackPort
    $instance = [ordered]@{
        Auth = $Auth; Url = "http://127.0.0.1:$port"; Host = "127.0.0.1:$port"; Directory = $directory
        Username = $null; Password = $null
        TokenRealm = $null; TokenService = $null; TokenIssuer = $null; TokenKeyPath = $null; TokenCertificatePath = $null
        ProcessId = 0; LogPath = (Join-Path $directory 'registry.log')
    }

    $authSection = switch ($Auth) {
        'None' { '' }
        'Basic' {
            $instance.Username = 'sveltos'
            $instance.Password = [Convert]::ToHexString([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(12)).ToLowerInvariant()
            $htpasswdPath = Join-Path $directory 'htpasswd'
            $line = & $script:Htpasswd -nbB $instance.Username $instance.Password
            if ($LASTEXITCODE -ne 0) { throw "htpasswd failed: $line" }
            Set-Content -LiteralPath $htpasswdPath -Value ($line | Where-Object { $_ })
            "auth:`n  htpasswd:`n    realm: sveltos-test`n    path: $htpasswdPath`n"
        }
        'Token' {
            $signing = New-TokenSigningCertificate $directory
            $instance.TokenRealm = "http://127.0.0.1:$(Get-FreeLoopbackPort)/token"
            $instance.TokenService = 'sveltos-test-registry'
            $instance.TokenIssuer = 'sveltos-test-issuer'
            $instance.TokenKeyPath = $signing.KeyPath
            $instance.TokenCertificatePath = $signing.CertificatePath
            "auth:`n  token:`n    realm: $($instance.TokenRealm)`n    service: $($instance.TokenService)`n" +
            "    issuer: $($instance.TokenIssuer)`n    rootcertbundle: $($signing.CertificatePath)`n"
        }
    }

    $configPath = Join-Path $directory 'config.yml'
    $secret = [Convert]::ToHexString([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(16))
    Set-Content -LiteralPath $configPath -NoNewline -Value (@"
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $(Join-Path $directory 'data')
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $secret

"@ + $authSection)

    # The shell points the registry's output at files and then becomes the registry (same process id). Start-Process
    # -RedirectStandardOutput would pipe the output through this shell instead, and the registry, which outlives it,
    # would die of SIGPIPE at its first log line once the shell is gone.
    $start = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
    foreach ($argument in '-c', 'exec "$0" serve "$1" >"$2" 2>"$3" </dev/null', $script:Executable, $configPath, $instance.LogPath, (Join-Path $directory 'registry.err.log')) {
        $start.ArgumentList.Add($argument)
    }
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $instance.ProcessId = $process.Id
    [pscustomobject]@{ Instance = [pscustomobject]$instance; Process = $process }
}

function Wait-ChartRegistryInstance {
    # Polls every instance's /v2/ together until each answers (200, or 401 when it wants credentials).
    param([object[]] $Launched, [int] $TimeoutSeconds)

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $client = [System.Net.Http.HttpClient]::new()
    $client.Timeout = [TimeSpan]::FromSeconds(2)
    $pending = [System.Collections.Generic.List[object]]::new([object[]]$Launched)
    try {
        while ($pending.Count -gt 0) {
            foreach ($launch in @($pending)) {
                if ($launch.Process.HasExited) {
                    $errors = Get-Content -Raw -LiteralPath (Join-Path $launch.Instance.Directory 'registry.err.log') -ErrorAction Ignore
                    throw "docker-registry ($($launch.Instance.Auth)) exited with code $($launch.Process.ExitCode): $errors"
                }
                try {
                    $status = [int]$client.GetAsync("$($launch.Instance.Url)/v2/").GetAwaiter().GetResult().StatusCode
                    if ($status -in 200, 401) { $null = $pending.Remove($launch) }
                }
                catch [System.Net.Http.HttpRequestException], [System.Threading.Tasks.TaskCanceledException] { }
            }
            if ($pending.Count -eq 0) { break }
            if ([DateTime]::UtcNow -gt $deadline) {
                throw "docker-registry did not answer on $(($pending | ForEach-Object { $_.Instance.Url }) -join ', ') within $TimeoutSeconds seconds."
            }
            Start-Sleep -Milliseconds 50
        }
    }
    finally { $client.Dispose() }
}

function Start-ChartRegistry {
    <#
    .SYNOPSIS
    Starts docker-registry instances on 127.0.0.1, each with filesystem storage in a new temporary folder, all at
    once, and returns when every one answers.
    .DESCRIPTION
    -Auth None: anonymous. -Auth Basic: htpasswd with a generated user and password. -Auth Token: the registry
    answers 401 with a Bearer challenge whose realm is http://127.0.0.1:<TokenPort>/token; whoever serves that
    realm signs RS256 tokens with the key at TokenKeyPath, whose certificate (TokenCertificatePath) the registry
    trusts, for the service and issuer reported. An instance that fails to start stops the others it started.
    .EXAMPLE
    $registry = Start-ChartRegistry -Auth Basic
    Invoke-WebRequest "$($registry.Url)/v2/" -Authentication Basic -Credential ...
    Stop-ChartRegistry $registry
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('None', 'Basic', 'Token')] [string[]] $Auth = 'None',
        [int] $TimeoutSeconds = 30
    )

    $launched = [System.Collections.Generic.List[object]]::new()
    try {
        foreach ($kind in $Auth) { $launched.Add((New-ChartRegistryInstance $kind)) }
        Wait-ChartRegistryInstance $launched $TimeoutSeconds
    }
    catch {
        $launched | ForEach-Object { Stop-ChartRegistry $_.Instance }
        throw
    }
    $launched | ForEach-Object { $_.Instance }
}

function Stop-ChartRegistry {
    <#
    .SYNOPSIS
    Stops a registry started by Start-ChartRegistry (by its process id) and removes its folder.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Registry)

    process {
        $process = Get-Process -Id $Registry.ProcessId -ErrorAction Ignore
        if ($process -and $process.Path -eq $script:Executable) {
            $process.Kill()
            $null = $process.WaitForExit(10000)
        }
        Remove-Item -LiteralPath $Registry.Directory -Recurse -Force -ErrorAction Ignore
    }
}

function Start-ChartRegistrySet {
    <#
    .SYNOPSIS
    Installs docker-registry if needed and starts the anonymous, basic-auth and token-auth instances; writes their
    description as JSON to -StateFile (what the tests read through SVELTOS_CHART_REGISTRIES).
    .DESCRIPTION
    When the registry cannot be installed or started, the state file says so (available: false, reason). The
    registry tests then fail with that reason, unless SVELTOS_ALLOW_NO_REGISTRY=1 lets them skip with it.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $StateFile)

    $install = Install-ChartRegistry
    $state = [ordered]@{ available = $install.Available; reason = $install.Reason; registries = @() }
    if ($install.Available) {
        try { $state.registries = @(Start-ChartRegistry -Auth None, Basic, Token) }
        catch { $state.available = $false; $state.reason = "docker-registry did not start: $_" }
    }
    $state | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $StateFile
    [pscustomobject]$state
}

function Stop-ChartRegistrySet {
    <#
    .SYNOPSIS
    Stops the registries a state file of Start-ChartRegistrySet describes, and removes the file.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $StateFile)

    if (-not (Test-Path -LiteralPath $StateFile)) { return }
    $state = Get-Content -Raw -LiteralPath $StateFile | ConvertFrom-Json
    foreach ($registry in @($state.registries)) { if ($registry) { Stop-ChartRegistry $registry } }
    Remove-Item -LiteralPath $StateFile -Force
}

Export-ModuleMember -Function Install-ChartRegistry, Start-ChartRegistry, Stop-ChartRegistry, Start-ChartRegistrySet, Stop-ChartRegistrySet
