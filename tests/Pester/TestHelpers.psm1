# Helpers shared by the Pester suites. The suites run in a child pwsh started by build.ps1, which
# sets SVELTOS_MODULE (the built manifest), SVELTOS_REPO, SVELTOS_TOOLS and SVELTOS_PWSH.

function Import-BuiltSveltos {
    Import-Module $env:SVELTOS_MODULE -Force -Global
}

function Invoke-FreshPwsh {
    # Runs a script in a brand-new pwsh process and returns its output lines; throws on failure.
    param([Parameter(Mandatory)] [string] $Script)

    $pwsh = $env:SVELTOS_PWSH -split [IO.Path]::PathSeparator
    $file = Join-Path ([IO.Path]::GetTempPath()) "sveltos-test-$([guid]::NewGuid()).ps1"
    Set-Content -LiteralPath $file -Value $Script
    try {
        $output = & $pwsh[0] $pwsh[1] -NoProfile -NonInteractive -File $file 2>&1
        if ($LASTEXITCODE -ne 0) {
            throw "Child pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)"
        }
        $output | ForEach-Object { "$_" }
    }
    finally {
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

Export-ModuleMember -Function Import-BuiltSveltos, Invoke-FreshPwsh, New-TestKubeconfig
