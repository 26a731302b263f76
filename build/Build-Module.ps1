function Build-Module {
    param([pscustomobject] $Context, [switch] $HelpOnly)

    if (-not $HelpOnly) {
        Write-Step "Compiling ($($Context.Configuration))"
        Remove-Item $Context.PublishDir -Recurse -Force -ErrorAction Ignore
        dotnet publish (Join-Path $Context.Root 'src/Sveltos/Sveltos.csproj') -c $Context.Configuration -o $Context.PublishDir --nologo -v quiet
        dotnet publish (Join-Path $Context.Root 'src/Sveltos.KubeSim/Sveltos.KubeSim.csproj') -c $Context.Configuration -o $Context.KubeSimDir --nologo -v quiet
        Write-Step "Assembling $($Context.ModuleDir)"
        Copy-ModuleLayout $Context
    }

    Write-Step 'Writing help (markdown -> MAML)'
    ConvertTo-MamlHelp $Context
    Assert-ModuleLayout $Context
}

function Copy-ModuleLayout {
    param([pscustomobject] $Context)

    $module = $Context.ModuleDir
    $dependencies = Join-Path $module 'Dependencies'
    Remove-Item $module -Recurse -Force -ErrorAction Ignore
    New-Item -ItemType Directory -Path $dependencies -Force | Out-Null

    Copy-Item (Join-Path $Context.Root 'Sveltos.psd1') $module
    Copy-Item (Join-Path $Context.Root 'src/Sveltos/Sveltos.Format.ps1xml') $module
    foreach ($file in 'Sveltos.dll', 'Sveltos.pdb') {
        Copy-Item (Join-Path $Context.PublishDir $file) $module
    }

    # PowerShell provides System.Management.Automation; the module must never carry its own.
    $hostOwned = 'Sveltos.dll', 'Sveltos.pdb', 'Sveltos.deps.json', 'System.Management.Automation.dll'
    Get-ChildItem $Context.PublishDir -File |
        Where-Object Name -NotIn $hostOwned |
        Copy-Item -Destination $dependencies

    # Native Lua for the platforms PowerShell 7 runs on; EngineLoadContext picks the one for this process.
    foreach ($platform in 'linux-x64', 'linux-arm64', 'osx', 'win-x64', 'win-arm64', 'win-x86') {
        $native = Join-Path $Context.PublishDir "runtimes/$platform/native"
        $target = Join-Path $dependencies "runtimes/$platform"
        New-Item -ItemType Directory $target -Force | Out-Null
        Copy-Item $native -Destination $target -Recurse
    }
}

function Assert-ModuleLayout {
    param([pscustomobject] $Context)

    $strays = Get-ChildItem $Context.ModuleDir -File | Where-Object Name -NotLike 'Sveltos.*'
    if ($strays) {
        throw "The module root may hold only Sveltos.* files; found: $($strays.Name -join ', ')"
    }

    $sma = Get-ChildItem $Context.ModuleDir -Recurse -Filter 'System.Management.Automation.dll'
    if ($sma) {
        throw "The module must not ship System.Management.Automation.dll: $($sma.FullName -join ', ')"
    }

    foreach ($required in 'Sveltos.psd1', 'Sveltos.dll', 'Sveltos.Format.ps1xml', 'en-US/Sveltos.dll-Help.xml', 'Dependencies/Sveltos.Engine.dll', 'Dependencies/runtimes/linux-x64/native/liblua54.so') {
        if (-not (Test-Path (Join-Path $Context.ModuleDir $required))) {
            throw "The built module lacks $required"
        }
    }
}
