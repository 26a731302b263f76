using System.Diagnostics;

namespace Sveltos.KubeSim.Tests.Kubectl;

/// <summary>build/KubeSim.psm1 driven from a child pwsh (the repository's dotnet tool), against the built kubesim.</summary>
public sealed class PowerShellHelperTests
{
    [Fact]
    public async Task Start_steer_count_and_stop_kubesim_from_powershell()
    {
        var root = RepositoryRoot();
        var module = Path.Combine(root, "build", "KubeSim.psm1");
        var kubesim = Path.Combine(AppContext.BaseDirectory, "kubesim.dll");
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{module}}' -Force
            $sim = Start-KubeSim -Clusters prod-1, dev-1 -Management mgmt -Version v1.29.4 -Path '{{kubesim}}'
            "clusters=$($sim.Clusters -join ',')"
            "kubeconfig=$(Test-Path $sim.KubeconfigPath)"
            $down = Set-KubeSimCluster prod-1 -Down
            "down=$($down.down)"
            $up = Set-KubeSimCluster prod-1 -Up -LatencyMs 5 -FailureRate 0 -FailureCode 429 -Version v1.30.1
            "up=$($up.down) version=$($up.version) latency=$($up.latencyMs)"
            $added = Add-KubeSimCluster edge -Nodes 2 -NodeLabels @{ region = 'eu' }
            "added=$($added.name) nodes=$($added.nodes)"
            Remove-KubeSimCluster edge
            "names=$((Get-KubeSimCluster).name -join ',')"
            "counters=$((Get-KubeSimCounter prod-1 -Reset).Cluster) after=$((Get-KubeSimCounter prod-1).total)"
            Stop-KubeSim $sim
            "exited=$($sim.Process.HasExited) code=$($sim.Process.ExitCode)"
            """;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(process.ExitCode == 0, await error + string.Join('\n', lines));
        Assert.Equal(
            ["clusters=mgmt,prod-1,dev-1", "kubeconfig=True", "down=True", "up=False version=v1.30.1 latency=5", "added=edge nodes=2",
             "names=mgmt,prod-1,dev-1", "counters=prod-1 after=0", "exited=True code=0"],
            lines);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sveltos.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Sveltos.sln not found above the test output");
    }
}
