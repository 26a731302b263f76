namespace Sveltos.Engine.Kube;

/// <summary>Which kubeconfig files to read, in kubectl's order of precedence.</summary>
public static class KubeconfigPaths
{
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");

    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? explicitPaths, string? kubeconfigVariable)
    {
        if (explicitPaths is { Count: > 0 })
        {
            foreach (var path in explicitPaths)
            {
                if (!File.Exists(path))
                {
                    throw NotFound($"Kubeconfig '{path}' does not exist.", path);
                }
            }

            return explicitPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        }

        if (!string.IsNullOrWhiteSpace(kubeconfigVariable))
        {
            var listed = kubeconfigVariable
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var existing = listed.Where(File.Exists).ToList();
            if (existing.Count == 0)
            {
                throw NotFound($"None of the files in $KUBECONFIG exist: {string.Join(", ", listed.Select(p => $"'{p}'"))}.", kubeconfigVariable);
            }

            return existing;
        }

        var fallback = DefaultPath;
        if (!File.Exists(fallback))
        {
            throw NotFound($"No kubeconfig: $KUBECONFIG is not set and '{fallback}' does not exist.", fallback);
        }

        return [fallback];
    }

    private static SveltosException NotFound(string message, string target) =>
        new("KubeconfigNotFound", ErrorKind.ObjectNotFound, message, target, "Pass -Kubeconfig <path>, set $env:KUBECONFIG, or create ~/.kube/config.");
}
