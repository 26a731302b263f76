using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// A GitRepository of a fleet directory annotated <see cref="Annotation"/>: the fleet's own checkout (what a CI job
/// has), read in place with paths relative to the fleet's root. Its revision is a digest of the files, so edits not
/// committed yet count too.
/// </summary>
public static class FleetCheckout
{
    public const string Annotation = "pwsh.projectsveltos.io/fleet-checkout";

    public static bool IsFleetCheckout(JsonObject source) =>
        KubeObject.Annotations(source).TryGetValue(Annotation, out var value) && value == "true";

    public static FetchedSource Fetch(JsonObject source, SourceReference reference, DirectoryFleet fleet) =>
        new(fleet.Root, "sha256:" + Digest(fleet.Root), $"the fleet directory's checkout (GitRepository {reference.Namespace}/{reference.Name})") { Object = source };

    private static string Digest(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, file))));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
