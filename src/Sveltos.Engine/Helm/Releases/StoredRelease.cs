namespace Sveltos.Engine.Helm.Releases;

/// <summary>A release read back from its Secret: the Secret's name and every label on it (Helm's own included), and the release.</summary>
public sealed record StoredRelease(string SecretName, IReadOnlyDictionary<string, string> Labels, Release Release)
{
    /// <summary>The status label, which Helm's queries select on (it normally equals the release's info.status).</summary>
    public string StatusLabel => Labels.TryGetValue("status", out var status) ? status : "";
}
