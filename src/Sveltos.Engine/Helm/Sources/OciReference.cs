using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// A chart in an OCI registry: <c>oci://registry[:port]/repository/path[:tag][@sha256:digest]</c>. Tags are chart
/// versions with <c>+</c> written as <c>_</c> (OCI tags cannot hold <c>+</c>), as Helm stores them.
/// </summary>
public sealed partial record OciReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string Scheme = "oci://";

    /// <summary>The chart name: the last segment of the repository path.</summary>
    public string ChartName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <exception cref="ChartSourceException">The text is not an OCI reference.</exception>
    public static OciReference Parse(string text)
    {
        var rest = text.StartsWith(Scheme, StringComparison.Ordinal) ? text[Scheme.Length..] : text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw Invalid(text, "it names no repository after the registry host");
        }

        var registry = rest[..slash];
        var repository = rest[(slash + 1)..];
        string? tag = null;
        var colon = repository.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = TagOf(repository[(colon + 1)..]);
            repository = repository[..colon];
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            throw Invalid(text, $"'{repository}' is not a repository name (lowercase letters, digits, '.', '_', '-', '/')");
        }

        if (tag is not null && !TagPattern().IsMatch(tag))
        {
            throw Invalid(text, $"'{tag}' is not a tag");
        }

        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw Invalid(text, $"'{digest}' is not a sha256 digest (sha256: and 64 hex digits)");
        }

        return new OciReference(registry, repository, tag, digest);
    }

    /// <summary>The tag Helm uses for a chart version.</summary>
    public static string TagOf(string version) => version.Replace('+', '_');

    /// <summary>The chart version a tag stands for.</summary>
    public static string VersionOf(string tag) => tag.Replace('_', '+');

    public OciReference WithTag(string tag) => this with { Tag = TagOf(tag), Digest = null };

    /// <summary>The tag or digest the registry's manifest endpoint takes (the digest wins).</summary>
    public string ManifestReference => Digest ?? Tag ?? throw new InvalidOperationException("an OCI reference without a tag or digest has no manifest");

    public override string ToString() => $"{Scheme}{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    private static ChartSourceException Invalid(string text, string why) =>
        new(ChartSourceErrorIds.InvalidReference, ErrorKind.InvalidArgument, $"invalid OCI reference '{text}': {why}", text,
            "Write it as oci://registry/path/chart, with :version or @sha256:digest when needed.");

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
