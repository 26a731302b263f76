@{
    RootModule           = 'Sveltos.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d7c4f0e-8a53-4d0b-9d7e-3c2a61f0b9e4'
    Author               = 'Sveltos for PowerShell contributors'
    CompanyName          = 'Sveltos for PowerShell'
    Copyright            = '(c) Sveltos for PowerShell contributors. Apache-2.0.'
    Description          = 'Manage Kubernetes add-ons across a fleet of clusters with Sveltos ClusterProfiles, from any pwsh session: no controller to install.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Sveltos.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-SveltosFleet'
        'Disconnect-SveltosFleet'
        'Export-ClusterProfile'
        'Get-ClusterProfile'
        'Get-SveltosCluster'
        'Import-ClusterProfile'
        'New-ClusterProfile'
        'Remove-ClusterProfile'
        'Save-ClusterProfile'
        'Register-SveltosCluster'
        'Set-SveltosCluster'
        'Unregister-SveltosCluster'
        'Get-ClusterSummary'
        'Invoke-ProfileSync'
        'Expand-ClusterProfile'
        'New-ClusterClassifier'
        'Import-ClusterClassifier'
        'Export-ClusterClassifier'
        'Get-ClusterClassifier'
        'Save-ClusterClassifier'
        'Remove-ClusterClassifier'
        'Invoke-ClusterClassification'
        'Test-Drift'
        'Test-HelmRelease'
        'Watch-Drift'
        'Expand-HelmChart'
        'Publish-HelmChart'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Kubernetes', 'Sveltos', 'ClusterProfile', 'GitOps', 'Fleet', 'AddOns', 'Helm', 'Linux', 'MacOS', 'Windows')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://projectsveltos.io'
        }
    }
}
