using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Reads kubeconfig files and merges them the way kubectl does: in precedence order, the first file
/// that defines a context, cluster or user (or current-context) wins; relative file references are
/// resolved against the file that holds them.
/// </summary>
public static class KubeconfigLoader
{
    /// <summary>
    /// Loads from explicit paths when given (each must exist), else from $KUBECONFIG (missing entries
    /// skipped, as kubectl does), else from ~/.kube/config.
    /// </summary>
    public static Kubeconfig Load(IReadOnlyList<string>? explicitPaths = null) =>
        LoadFiles(KubeconfigPaths.Resolve(explicitPaths, Environment.GetEnvironmentVariable("KUBECONFIG")));

    /// <summary>
    /// Like <see cref="Load"/>, but reuses the last parse of the same files while none of them changed:
    /// a fleet of hundreds of contexts in one kubeconfig is read once per sync, not once per cluster.
    /// </summary>
    public static Kubeconfig LoadCached(IReadOnlyList<string>? explicitPaths = null)
    {
        var files = KubeconfigPaths.Resolve(explicitPaths, Environment.GetEnvironmentVariable("KUBECONFIG"));
        var stamp = string.Join("|", files.Select(f => $"{f}@{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"));
        var cached = lastLoad;
        if (cached is not null && cached.Stamp == stamp)
        {
            return cached.Kubeconfig;
        }

        var loaded = LoadFiles(files);
        lastLoad = new CachedKubeconfig(stamp, loaded);
        return loaded;
    }

    private static volatile CachedKubeconfig? lastLoad;

    private sealed record CachedKubeconfig(string Stamp, Kubeconfig Kubeconfig);

    public static Kubeconfig LoadFiles(IReadOnlyList<string> files) =>
        Merge(files, files.Select(file => ReadRoot(file, ReadText(file))).ToList());

    /// <summary>Reads a kubeconfig held in memory (a Secret's value); <paramref name="source"/> names it in errors.</summary>
    public static Kubeconfig LoadText(string text, string source) => Merge([source], [ReadRoot(source, text)]);

    private static Kubeconfig Merge(IReadOnlyList<string> files, IReadOnlyList<YamlMappingNode?> roots)
    {
        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        string? currentContext = null;

        for (var i = 0; i < files.Count; i++)
        {
            if (roots[i] is not { } root)
            {
                continue;
            }

            var reader = new KubeconfigFileReader(files[i], root);
            currentContext ??= reader.CurrentContext();
            foreach (var context in reader.Contexts())
            {
                contexts.TryAdd(context.Name, context);
            }

            foreach (var cluster in reader.Clusters())
            {
                clusters.TryAdd(cluster.Name, cluster);
            }

            foreach (var user in reader.Users())
            {
                users.TryAdd(user.Name, user);
            }
        }

        return new Kubeconfig(files, currentContext, contexts, clusters, users);
    }

    private static string ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SveltosException(
                "KubeconfigUnreadable",
                ErrorKind.ReadError,
                $"Kubeconfig '{file}' cannot be read: {ex.Message}",
                file,
                "Check that the file exists and that you may read it.",
                ex);
        }
    }

    private static YamlMappingNode? ReadRoot(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SveltosException(
                "KubeconfigMalformed",
                ErrorKind.InvalidData,
                $"Kubeconfig '{file}' is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {InnermostMessage(ex)}",
                file,
                "Fix the YAML syntax at that position; 'kubectl config view --kubeconfig <file>' shows what kubectl makes of it.",
                ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SveltosException(
                "KubeconfigMalformed",
                ErrorKind.InvalidData,
                $"Kubeconfig '{file}' is not a kubeconfig: the document must be a mapping with 'clusters', 'contexts' and 'users'.",
                file,
                "Point -Kubeconfig or $env:KUBECONFIG at a kubeconfig file.");
        }

        return root;
    }

    private static string InnermostMessage(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }
}
