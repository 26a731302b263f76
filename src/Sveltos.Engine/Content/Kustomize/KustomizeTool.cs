using System.Text.Json.Nodes;

namespace Sveltos.Engine.Content.Kustomize;

/// <summary>
/// The kustomize that builds kustomizationRefs: a <c>kustomize</c> on PATH (<c>kustomize build</c>), else the one built
/// into kubectl (<c>kubectl kustomize</c>). Its absence is an error naming both; a build that fails is kustomize's own
/// message with the folder it ran in.
/// </summary>
public sealed class KustomizeTool
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    private KustomizeTool(string executable, IReadOnlyList<string> buildArguments, string description)
    {
        Executable = executable;
        BuildArguments = buildArguments;
        Description = description;
    }

    public string Executable { get; }

    /// <summary>The arguments before the folder: <c>build</c> or <c>kustomize</c>.</summary>
    public IReadOnlyList<string> BuildArguments { get; }

    /// <summary>Which kustomize this is and its version, for -Verbose: "kustomize v5.5.0 (kubectl v1.32.4)".</summary>
    public string Description { get; }

    /// <exception cref="ContentException">Neither kustomize nor kubectl is on PATH.</exception>
    public static async Task<KustomizeTool> FindAsync(CancellationToken cancellationToken)
    {
        if (OnPath("kustomize") is { } kustomize)
        {
            var (_, output, _) = await RunAsync(kustomize, ["version"], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return new KustomizeTool(kustomize, ["build"], $"kustomize {output.Trim()} ({kustomize})");
        }

        if (OnPath("kubectl") is { } kubectl)
        {
            var (_, output, _) = await RunAsync(kubectl, ["version", "--client", "-o", "json"], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            var version = TryParse(output);
            var kustomizeVersion = version?["kustomizeVersion"]?.GetValue<string>() ?? "(version unknown)";
            var kubectlVersion = version?["clientVersion"]?["gitVersion"]?.GetValue<string>() ?? "";
            return new KustomizeTool(kubectl, ["kustomize"], $"kustomize {kustomizeVersion} built into kubectl {kubectlVersion} ({kubectl})".Replace("  ", " ", StringComparison.Ordinal));
        }

        throw new ContentException(
            "KustomizeNotFound",
            "kustomizationRefs need kustomize, and neither 'kustomize' nor 'kubectl' (whose 'kubectl kustomize' is kustomize) is on PATH.",
            null,
            "Install kubectl (it includes kustomize) or kustomize, and put it on PATH.");
    }

    /// <summary>Runs the build in <paramref name="directory"/> and returns the YAML it prints.</summary>
    /// <exception cref="ContentException">The build fails or does not finish in time; the message is kustomize's, with <paramref name="source"/>.</exception>
    public async Task<string> BuildAsync(string directory, string source, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync(Executable, [.. BuildArguments, directory], BuildTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ContentException(
                "KustomizeBuildFailed",
                $"{source}: kustomize build failed: {error.Trim().Replace(directory, ".", StringComparison.Ordinal)}",
                source,
                "Fix the kustomization (run kubectl kustomize on the folder to see the same error); nothing of the profile changed on this cluster.");
        }

        return output;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(executable, arguments, timeout, cancellationToken);

    private static string? OnPath(string name) => ToolProcess.OnPath(name);

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
