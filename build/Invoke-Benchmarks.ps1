function Invoke-Benchmarks {
    param([pscustomobject] $Context)

    $bench = Join-Path $Context.Root 'bench'
    $projects = @(Get-ChildItem $bench -Filter '*.csproj' -Recurse -ErrorAction Ignore)
    # PowerShell benchmarks (Invoke-*Bench.ps1) measure the built module as a user runs it: each in its own
    # child pwsh, told where the build put the module and KubeSim.
    $scripts = @(Get-ChildItem $bench -Filter 'Invoke-*Bench.ps1' -Recurse -ErrorAction Ignore)
    if (-not $projects -and -not $scripts) {
        Write-Host 'No benchmarks yet.'
        return
    }
    foreach ($project in $projects) {
        Write-Step "Benchmark $($project.BaseName)"
        dotnet run -c Release --project $project.FullName
    }
    foreach ($script in $scripts) {
        Write-Step "Benchmark $($script.BaseName)"
        Invoke-ChildPwsh $Context @(
            '-File', $script.FullName
            '-ModulePath', (Join-Path $Context.ModuleDir 'Sveltos.psd1')
            '-KubeSimModule', (Join-Path $Context.Root 'build/KubeSim.psm1')
            '-KubeSimPath', (Join-Path $Context.KubeSimDir 'kubesim.dll')
            '-OutputDirectory', (Join-Path $Context.Out 'bench')
        )
    }
}
