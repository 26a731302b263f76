using Sveltos.Engine.Profiles;

namespace Sveltos.Infrastructure;

/// <summary>
/// Maps engine profile documents onto the module's <see cref="ClusterProfile"/> objects and back. Any cmdlet
/// that takes profiles from the pipeline turns them into engine documents with <see cref="ToDocument"/>.
/// </summary>
internal static class ProfileMapper
{
    /// <summary>
    /// The module's view of <paramref name="document"/>. <paramref name="source"/> is what the user sees as
    /// its origin (defaults to <see cref="Location"/>; null for a profile built in memory).
    /// </summary>
    public static ClusterProfile ToOutput(ClusterProfileDocument document, string? source, string? path = null, string? fleet = null)
    {
        var spec = document.Spec;
        return new ClusterProfile(new ClusterProfileData(
            document.ToYaml(),
            document.Source,
            document.DocumentIndex,
            document.Line,
            document.Kind.ToString(),
            document.Name,
            document.Namespace,
            document.Labels,
            spec.ClusterSelector?.ToString(),
            spec.ClusterRefs.Select(c => $"{c.Kind}:{c.Namespace}/{c.Name}").ToArray(),
            spec.SetRefs.ToArray(),
            spec.SyncMode.ToString(),
            spec.Tier,
            spec.ContinueOnConflict,
            spec.ContinueOnError,
            spec.StopMatchingBehavior.ToString(),
            spec.MaxUpdate?.ToString(),
            spec.DependsOn.ToArray(),
            spec.PolicyRefs.Select(p => $"{p.Kind} {Qualified(p.Namespace, p.Name)}{Suffix(p.Path)}").ToArray(),
            spec.HelmCharts.Select(h => $"{h.ChartName}@{h.ChartVersion} -> {Qualified(h.ReleaseNamespace, h.ReleaseName)}").ToArray(),
            spec.KustomizationRefs.Select(k => $"{k.Kind} {Qualified(k.Namespace, k.Name)}{Suffix(k.Path)}").ToArray(),
            spec.TemplateResourceRefs.Select(t => $"{t.Identifier}={t.Resource.Kind} {Qualified(t.Resource.Namespace, t.Resource.Name)}").ToArray(),
            source,
            path,
            fleet));
    }

    /// <summary>
    /// The engine document a <see cref="ClusterProfile"/> holds, re-read from its YAML and validated again.
    /// Problems and duplicate-name messages still name where the profile was first read.
    /// </summary>
    /// <exception cref="ProfileValidationException">The profile's YAML is no longer a valid profile.</exception>
    public static ClusterProfileDocument ToDocument(ClusterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ClusterProfileDocument.Parse(profile.Yaml, profile.DocumentSource, profile.DocumentIndex, profile.Line);
    }

    /// <summary>Where a document was read, as problem messages name it: <c>file[index]</c>, or the source alone.</summary>
    public static string Location(ClusterProfileDocument document) =>
        document.DocumentIndex is null ? document.Source : $"{document.Source}[{document.DocumentIndex}]";

    private static string Qualified(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    private static string Suffix(string? path) => string.IsNullOrEmpty(path) ? "" : $":{path}";
}
