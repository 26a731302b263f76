function Invoke-Demo {
    param([pscustomobject] $Context)

    # Until the emulated fleet exists, the demo shows the cluster inventory of a kubeconfig that
    # kubectl itself writes, merged with the user's own kubeconfig when there is one.
    Write-Step 'Demo: kubectl writes a kubeconfig with three contexts'
    $kubeconfig = Join-Path $Context.Out 'demo/kubeconfig'
    Remove-Item $kubeconfig -ErrorAction Ignore
    New-Item -ItemType Directory -Path (Split-Path $kubeconfig) -Force | Out-Null
    foreach ($name in 'prod-1', 'prod-2', 'dev-1') {
        kubectl config set-cluster $name --server "https://$name.example.test:6443" --kubeconfig $kubeconfig | Out-Null
        kubectl config set-credentials "$name-admin" --token "demo-secret-$name" --kubeconfig $kubeconfig | Out-Null
        kubectl config set-context $name --cluster $name --user "$name-admin" --namespace 'add-ons' --kubeconfig $kubeconfig | Out-Null
    }

    Write-Step 'Demo: Get-SveltosCluster lists them (credentials never shown)'
    Invoke-ChildPwsh $Context @('-Command', @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $Context.ModuleDir 'Sveltos.psd1')'
Get-SveltosCluster -Kubeconfig '$kubeconfig' | Format-Table -AutoSize | Out-Host
'Only prod:' | Out-Host
Get-SveltosCluster -Kubeconfig '$kubeconfig' -Name 'prod-*' | Format-Table -AutoSize | Out-Host
"@)
}
