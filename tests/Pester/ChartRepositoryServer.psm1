#Requires -Version 7.4
# A chart repository for the Helm tests: a folder served over HTTP on a loopback port, optionally behind basic
# auth, counting the requests for each path so the tests can tell downloads from cache hits.

function Start-TestChartRepository {
    param(
        [Parameter(Mandatory)] [string] $Root,
        [pscredential] $Credential
    )

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $http = [System.Net.HttpListener]::new()
    $http.Prefixes.Add("http://127.0.0.1:$port/")
    $http.Start()
    $requests = [System.Collections.Concurrent.ConcurrentDictionary[string, int]]::new()
    $expected = if ($Credential) {
        'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Credential.UserName):$($Credential.GetNetworkCredential().Password)"))
    }

    $runspace = [powershell]::Create()
    $null = $runspace.AddScript({
            param($http, $root, $requests, $expected)
            while ($http.IsListening) {
                try { $context = $http.GetContext() } catch { break }
                $path = [Uri]::UnescapeDataString($context.Request.Url.AbsolutePath)
                $null = $requests.AddOrUpdate($path, 1, { param($k, $v) $v + 1 })
                $response = $context.Response
                try {
                    if ($expected -and $context.Request.Headers['Authorization'] -ne $expected) {
                        $response.StatusCode = 401
                        $response.AddHeader('WWW-Authenticate', 'Basic realm="charts"')
                        continue
                    }
                    $file = Join-Path $root $path.TrimStart('/')
                    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
                        $response.StatusCode = 404
                        continue
                    }
                    $bytes = [IO.File]::ReadAllBytes($file)
                    $response.ContentLength64 = $bytes.Length
                    $response.OutputStream.Write($bytes, 0, $bytes.Length)
                }
                finally { $response.Close() }
            }
        }).AddArgument($http).AddArgument($Root).AddArgument($requests).AddArgument($expected)
    $handle = $runspace.BeginInvoke()

    [pscustomobject]@{
        Url      = "http://127.0.0.1:$port"
        Requests = $requests
        Listener = $http
        Runspace = $runspace
        Handle   = $handle
    }
}

function Stop-TestChartRepository {
    param([Parameter(Mandatory)] $Repository)

    $Repository.Listener.Stop()
    $Repository.Listener.Close()
    $null = $Repository.Handle.AsyncWaitHandle.WaitOne(5000)
    $Repository.Runspace.Dispose()
}

Export-ModuleMember -Function Start-TestChartRepository, Stop-TestChartRepository
