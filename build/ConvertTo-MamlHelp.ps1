function ConvertTo-MamlHelp {
    param([pscustomobject] $Context)

    $outputDir = Join-Path $Context.ModuleDir 'en-US'
    New-Item -ItemType Directory -Path $outputDir -Force | Out-Null

    if (Get-Module -ListAvailable -Name platyPS) {
        # PlatyPS, where a machine has it, is the reference implementation of this conversion.
        Invoke-ChildPwsh $Context @('-Command', "Import-Module platyPS; New-ExternalHelp -Path '$($Context.DocsDir)' -OutputPath '$outputDir' -Force | Out-Null")
        return
    }

    # Syntax comes from the built cmdlets, so the module is loaded in a child process that the build can discard.
    Invoke-ChildPwsh $Context @(
        '-File', (Join-Path $PSScriptRoot 'New-MamlHelp.ps1'),
        '-ModuleDir', $Context.ModuleDir,
        '-DocsDir', $Context.DocsDir,
        '-OutputDir', $outputDir)
    if ($LASTEXITCODE -ne 0) {
        throw 'Writing help failed.'
    }
}
