namespace Sveltos.Engine.Helm.Releases;

/// <summary>Helm's release.Info: when the release was deployed (and deleted), its status and the rendered NOTES.txt.</summary>
public sealed record ReleaseInfo
{
    public HelmTime FirstDeployed { get; init; }

    public HelmTime LastDeployed { get; init; }

    public HelmTime Deleted { get; init; }

    /// <summary>Helm's log line for the revision ("Install complete", "Upgrade complete", a failure message).</summary>
    public string Description { get; init; } = "";

    /// <summary>One of <see cref="ReleaseStatus"/>.</summary>
    public string Status { get; init; } = "";

    public string Notes { get; init; } = "";

    /// <summary>Fields of a newer Helm this model does not know (e.g. resources), kept as read.</summary>
    public IReadOnlyDictionary<string, object?> UnknownFields { get; init; } = ReleaseJsonReader.NoFields;
}
