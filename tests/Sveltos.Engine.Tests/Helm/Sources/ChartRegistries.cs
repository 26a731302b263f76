using System.Diagnostics;
using System.Text.Json;

namespace Sveltos.Engine.Tests.Helm.Sources;

/// <summary>One docker-registry instance as build/ChartRegistry.psm1 describes it.</summary>
internal sealed record ChartRegistry(
    string Auth, string Host, string? Username, string? Password,
    string? TokenRealm, string? TokenService, string? TokenIssuer, string? TokenKeyPath, string? TokenCertificatePath);

/// <summary>
/// The real OCI registries (Debian's docker-registry) the tests push to and pull from. The test run starts them
/// (build/Invoke-TestSuite.ps1 sets SVELTOS_CHART_REGISTRIES to the state file build/ChartRegistry.psm1 wrote);
/// a bare `dotnet test` starts them through the same script and stops them afterwards.
/// </summary>
public sealed class ChartRegistries : IDisposable
{
    public const string StateVariable = "SVELTOS_CHART_REGISTRIES";
    private readonly string? _ownedState;

    public ChartRegistries()
    {
        var state = Environment.GetEnvironmentVariable(StateVariable);
        if (string.IsNullOrEmpty(state))
        {
            state = Path.Combine(Path.GetTempPath(), $"sveltos-chart-registries-{Guid.NewGuid():n}.json");
            RunScript($"Start-ChartRegistrySet -StateFile '{state}' | Out-Null");
            _ownedState = state;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(state));
        var root = document.RootElement;
        if (!root.GetProperty("available").GetBoolean())
        {
            throw new InvalidOperationException($"the chart registries are unavailable: {root.GetProperty("reason").GetString()}");
        }

        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var registries = root.GetProperty("registries").EnumerateArray().Select(r => r.Deserialize<ChartRegistry>(options)!).ToList();
        Anonymous = registries.Single(r => r.Auth == "None");
        Basic = registries.Single(r => r.Auth == "Basic");
        Token = registries.Single(r => r.Auth == "Token");
    }

    internal ChartRegistry Anonymous { get; }

    internal ChartRegistry Basic { get; }

    internal ChartRegistry Token { get; }

    /// <summary>
    /// Why the registry tests are skipped here, or null when they run. A registry that should have started but did
    /// not fails them (the fixture throws with the reason) unless SVELTOS_ALLOW_NO_REGISTRY=1 allows skipping.
    /// </summary>
    public static string? UnavailableReason()
    {
        var allowSkip = Environment.GetEnvironmentVariable("SVELTOS_ALLOW_NO_REGISTRY") == "1";
        var state = Environment.GetEnvironmentVariable(StateVariable);
        if (!string.IsNullOrEmpty(state))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(state));
            return document.RootElement.GetProperty("available").GetBoolean() || !allowSkip ? null : document.RootElement.GetProperty("reason").GetString();
        }

        if (File.Exists("/usr/bin/docker-registry") && File.Exists("/usr/bin/htpasswd"))
        {
            return null;
        }

        return File.Exists("/usr/bin/apt-get") && Environment.UserName == "root"
            ? null
            : "docker-registry is not installed and cannot be installed here (it needs apt-get as root)";
    }

    public void Dispose()
    {
        if (_ownedState is not null)
        {
            RunScript($"Stop-ChartRegistrySet -StateFile '{_ownedState}'");
        }
    }

    private static void RunScript(string command)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", $"$ErrorActionPreference = 'Stop'; Import-Module ./build/ChartRegistry.psm1; {command}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/ChartRegistry.psm1 failed: {output.Result}{errors.Result}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build", "ChartRegistry.psm1")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (with build/ChartRegistry.psm1) is not above the test binaries");
    }
}

/// <summary>A test that needs the real registries; skipped, with the reason, only where they cannot be installed.</summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        if (ChartRegistries.UnavailableReason() is { } reason)
        {
            Skip = reason;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChartRegistryCollection : ICollectionFixture<ChartRegistries>
{
    public const string Name = "Chart registries";
}
