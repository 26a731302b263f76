using System.Text.Json.Serialization;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>
/// How an apply installs, upgrades or uninstalls one Helm release (helmCharts[].options): whether hooks run, whether
/// and how long it waits for the release's objects, and whether a failure rolls back. Kept in the deployment record
/// with the release, so that a withdrawal uninstalls it as the profile said.
/// </summary>
public sealed record HelmReleaseOptions
{
    /// <summary>Helm's default --timeout: for each hook, and for waiting on the release.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static readonly HelmReleaseOptions Default = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DisableInstallHooks { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DisableUpgradeHooks { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DisableUninstallHooks { get; init; }

    /// <summary>wait: the release's objects are ready (and, with <see cref="WaitForJobs"/>, its Jobs complete) before post hooks run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Wait { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool WaitForJobs { get; init; }

    /// <summary>atomic: a failed install or upgrade puts back what was live before it (and implies <see cref="Wait"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Atomic { get; init; }

    /// <summary>upgradeOptions.cleanupOnFail: a failed upgrade deletes the objects it created (what it changed stays).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CleanupOnFail { get; init; }

    /// <summary>upgradeOptions.force: an upgrade replaces the objects it changes (PUT) before applying them, dropping what others set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Force { get; init; }

    /// <summary>uninstallOptions.deletionPropagation as the API names it: Foreground or Orphan; null for Background.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeletionPropagation { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    [JsonIgnore]
    public bool IsDefault => this == Default;
}

/// <summary>The options of one helmCharts entry, by the release it names (Uninstall entries included).</summary>
public sealed record HelmReleaseEntry(string Namespace, string Name, HelmReleaseOptions Options);
