using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// The Helm 3 storage of one helmCharts release on one cluster: when the chart, the values and the rendered
/// manifest are those of the deployed revision, the stored revisions as they are (a re-sync writes nothing);
/// otherwise a new revision, deployed, with the one it replaces marked superseded, keeping maxHistory revisions
/// (2 unless the entry says otherwise). Revisions the plan no longer produces are removed with the rest of what
/// the profile stops deploying.
/// </summary>
internal sealed class HelmReleaseContent
{
    public const int DefaultMaxHistory = 2;

    private readonly HelmChart _chart;
    private readonly Dictionary<string, object?> _config;
    private readonly IReadOnlyList<StoredRelease> _stored;
    private readonly StoredRelease? _deployed;
    private readonly HelmReleaseHistory _history;

    public HelmReleaseContent(HelmChart chart, IReadOnlyList<HelmValuesFrom.ValuesText> values, HelmReleaseHistory history, string where)
    {
        _chart = chart;
        _history = history;
        _config = Merge(values, where);
        _stored = history.Revisions.Select(secret => Read(secret, where)).ToList();
        _deployed = ReleaseHistory.Deployed(_stored);
    }

    /// <summary>The values texts as Helm's user values, merged left to right as -f files are.</summary>
    public static HelmUserValues UserValues(IReadOnlyList<HelmValuesFrom.ValuesText> values) => new() { Files = values.Select(v => (v.Text, v.Source)).ToList() };

    /// <summary>The deployed revision's number, or null when the release is not installed.</summary>
    public int? DeployedVersion => _deployed?.Release.Version;

    /// <summary>The user values the deployed revision was installed with, or null when the release is not installed.</summary>
    public IReadOnlyDictionary<string, object?>? DeployedConfig => _deployed?.Release.Config;

    /// <summary>
    /// The chart's default values as the release stores them when they are not its values.yaml: reuseValues renders with
    /// the last release's, and Helm stores the chart so, which keeps a re-sync of the same values a no-op.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? StoredChartValues { get; init; }

    /// <summary>The deployed revision's chart's default values (reuseValues renders with them), or null.</summary>
    public IReadOnlyDictionary<string, object?>? DeployedChartValues => _deployed?.Release.Chart?.Values;

    /// <summary>The user values of this release (Helm's config): the values texts merged.</summary>
    public IReadOnlyDictionary<string, object?> Config => _config;

    /// <summary>The status of the newest stored revision (uninstalled after helm uninstall --keep-history), or null when there is none.</summary>
    public string? LatestStatus => _stored.OrderByDescending(r => r.Release.Version).FirstOrDefault()?.Release.Info.Status;

    /// <summary>
    /// The storage an uninstall with keepHistory leaves: the deployed revision marked uninstalled, the others as they
    /// are (so a re-sync of the Uninstall entry writes nothing).
    /// </summary>
    public IEnumerable<ContentObject> UninstalledStorage(DateTimeOffset now)
    {
        var source = new SourceRef("HelmChart", _chart.ReleaseNamespace, _chart.ReleaseName, "storage");
        return _stored.OrderByDescending(r => r.Release.Version)
            .Select(r => r == _deployed ? ReleaseSecret.Uninstalled(Untracked(r), now) : AsStored(_history.Revisions.First(s => KubeObject.Name(s) == r.SecretName)))
            .Select(secret => new ContentObject(secret, source, Tracking.ResourcesReason, DeploymentType.Remote))
            .ToList();
    }

    private int MaxHistory => _chart.Options?.MaxHistory ?? DefaultMaxHistory;

    /// <summary>True when the expansion is what the deployed revision holds: same chart and version, values and manifest.</summary>
    public bool IsDeployed(HelmChartExpansion expansion)
    {
        if (_deployed?.Release is not { } deployed)
        {
            return false;
        }

        var wanted = NewRelease(expansion, deployed.Version, DateTimeOffset.UnixEpoch);
        return deployed.Manifest == wanted.Manifest
            && deployed.Chart?.Metadata.Name == wanted.Chart!.Metadata.Name
            && deployed.Chart?.Metadata.Version == wanted.Chart.Metadata.Version
            && ReleaseCodec.ToJson(deployed with { Info = new(), Chart = null, Hooks = [], Manifest = "", Labels = wanted.Labels, UnknownFields = wanted.UnknownFields })
                == ReleaseCodec.ToJson(wanted with { Info = new(), Chart = null, Hooks = [], Manifest = "" });
    }

    /// <summary>The release as the record lists it once this sync stored it (<paramref name="unchanged"/>: <see cref="IsDeployed"/>).</summary>
    public DeployedRelease Describe(HelmChartExpansion expansion, bool unchanged)
    {
        var metadata = expansion.Chart.Metadata;
        var revision = unchanged ? _deployed!.Release.Version : _history.NextVersion;
        return new DeployedRelease(_chart.ReleaseNamespace, _chart.ReleaseName, metadata.Name, metadata.Version, metadata.AppVersion ?? "", revision, ReleaseStatus.Deployed);
    }

    /// <summary>
    /// The storage Secrets the release should have after this sync, as content objects: the stored revisions as they
    /// are when <paramref name="unchanged"/> (the expansion <see cref="IsDeployed"/>), else a new revision.
    /// </summary>
    public IEnumerable<ContentObject> StorageObjects(HelmChartExpansion expansion, bool unchanged, DateTimeOffset now)
    {
        var source = new SourceRef("HelmChart", _chart.ReleaseNamespace, _chart.ReleaseName, "storage");
        IEnumerable<JsonObject> secrets;
        if (unchanged)
        {
            secrets = _history.Revisions.Take(MaxHistory <= 0 ? int.MaxValue : MaxHistory).Select(AsStored);
        }
        else
        {
            var release = NewRelease(expansion, _history.NextVersion, now);
            var kept = _stored.Except(ReleaseHistory.ToPrune(_stored, MaxHistory)).OrderByDescending(r => r.Release.Version);
            secrets = kept.Select(r => r == _deployed ? ReleaseSecret.Superseded(Untracked(r), now) : AsStored(_history.Revisions.First(s => KubeObject.Name(s) == r.SecretName)))
                .Prepend(ReleaseSecret.Build(release, now));
        }

        return secrets.Select(secret => new ContentObject(secret, source, Tracking.ResourcesReason, DeploymentType.Remote)).ToList();
    }

    private Release NewRelease(HelmChartExpansion expansion, int version, DateTimeOffset now)
    {
        var result = expansion.Result;
        var first = _deployed?.Release.Info.FirstDeployed is { IsZero: false } earlier ? earlier : HelmTime.From(now);
        return new Release
        {
            Name = _chart.ReleaseName,
            Namespace = _chart.ReleaseNamespace,
            Version = version,
            Info = new ReleaseInfo
            {
                FirstDeployed = first,
                LastDeployed = HelmTime.From(now),
                Status = ReleaseStatus.Deployed,
                Description = _chart.Options?.Description is { Length: > 0 } description ? description : _deployed is null ? "Install complete" : "Upgrade complete",
                Notes = result.Notes,
            },
            Chart = StoredChartValues is { } chartValues ? ReleaseChart.From(expansion.Chart) with { Values = HelmValues.Copy(chartValues) } : ReleaseChart.From(expansion.Chart),
            Config = _config,
            Manifest = string.Concat(result.Manifests.Select(m => $"---\n# Source: {m.Name}\n{m.Content}\n")),
            Hooks = result.Hooks.Select(h => new ReleaseHook
            {
                Name = h.Name,
                Kind = h.Kind,
                Path = h.Path,
                Manifest = h.Manifest,
                Events = h.Events,
                Weight = (int)h.Weight,
                DeletePolicies = h.DeletePolicies,
            }).ToList(),
            Labels = _chart.Options?.Labels ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>The user-supplied values (Helm's release config); a values text from a Secret that does not parse is not quoted.</summary>
    private static Dictionary<string, object?> Merge(IReadOnlyList<HelmValuesFrom.ValuesText> values, string where)
    {
        try
        {
            return HelmValues.MergeUserValues(UserValues(values));
        }
        catch (SveltosException ex)
        {
            var secret = values.FirstOrDefault(v => v.FromSecret && ex.Message.Contains(v.Source, StringComparison.Ordinal));
            throw new ContentException(
                ex.ErrorId,
                secret is null ? $"{where}: {ex.Message}" : $"{secret.Source}: the values do not parse as YAML; {Redaction.SecretText.Withheld}.",
                where,
                "Fix the values so that they are a YAML mapping; nothing was deployed or removed for this cluster.");
        }
    }

    /// <summary>A stored revision without the Sveltos tracking label, so that its update hashes as its later stored copy (<see cref="AsStored"/>) does.</summary>
    private static StoredRelease Untracked(StoredRelease stored) =>
        stored with { Labels = stored.Labels.Where(l => l.Key != Tracking.ReasonLabel).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal) };

    /// <summary>A stored revision as it is: its name, labels, type and data (what the server added left out).</summary>
    private static JsonObject AsStored(JsonObject live)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in KubeObject.Labels(live).Where(l => l.Key != Tracking.ReasonLabel).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            labels[key] = value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = KubeObject.Name(live), ["namespace"] = KubeObject.Namespace(live), ["labels"] = labels },
            ["type"] = ReleaseSecret.Type,
            ["data"] = live["data"]?.DeepClone(),
        };
    }

    private static StoredRelease Read(JsonObject secret, string where)
    {
        try
        {
            return ReleaseSecret.Read(secret);
        }
        catch (SveltosException ex)
        {
            throw new ContentException(
                "HelmReleaseUnreadable",
                $"{where}: the release's storage Secret {KubeObject.Namespace(secret)}/{KubeObject.Name(secret)} cannot be read: {ex.Message}",
                where,
                "Check the Secret with helm history; if it is damaged, delete that revision's Secret and sync again.");
        }
    }
}
