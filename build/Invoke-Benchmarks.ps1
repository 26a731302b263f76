function Invoke-Benchmarks {
    param([pscustomobject] $Context)

    $benchmarks = Get-ChildItem (Join-Path $Context.Root 'bench') -Filter '*.csproj' -Recurse -ErrorAction Ignore
    if (-not $benchmarks) {
        Write-Host 'No benchmarks yet.'
        return
    }
    foreach ($project in $benchmarks) {
        Write-Step "Benchmark $($project.BaseName)"
        dotnet run -c Release --project $project.FullName
    }
}
