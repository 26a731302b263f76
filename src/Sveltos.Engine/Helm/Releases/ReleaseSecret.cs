using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// The Secret Helm 3's Secret storage driver keeps a release revision in: named sh.helm.release.v1.&lt;name&gt;.v&lt;version&gt;,
/// type helm.sh/release.v1, labelled name, owner=helm, status, version and modifiedAt (Unix seconds) over the user's
/// labels, the encoded release in data["release"].
/// </summary>
public static class ReleaseSecret
{
    public const string Type = "helm.sh/release.v1";
    public const string DataKey = "release";
    public const string Owner = "helm";

    /// <summary>The labels Helm sets itself; every other label of a release Secret is the user's.</summary>
    public static readonly IReadOnlySet<string> SystemLabels = new HashSet<string>(StringComparer.Ordinal) { "name", "owner", "status", "version", "createdAt", "modifiedAt" };

    public static string Name(string releaseName, int version) => $"sh.helm.release.v1.{releaseName}.v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The label selector of every revision of a release, as Helm's history query.</summary>
    public static string HistorySelector(string releaseName) => $"name={releaseName},owner={Owner}";

    /// <summary>The Secret of a revision: the release's own labels, then Helm's.</summary>
    public static JsonObject Build(Release release, DateTimeOffset modifiedAt) => ToSecret(release, release.Labels, modifiedAt);

    /// <summary>
    /// The update of a stored revision another one replaces (upgrade, rollback, install --replace): info.status and
    /// the status label superseded, everything else as stored (the description too, as Helm leaves it).
    /// </summary>
    public static JsonObject Superseded(StoredRelease previous, DateTimeOffset modifiedAt)
    {
        var release = previous.Release with { Info = previous.Release.Info with { Status = ReleaseStatus.Superseded } };
        return ToSecret(release, previous.Labels, modifiedAt);
    }

    /// <summary>
    /// The update of the deployed revision that helm uninstall --keep-history makes: status uninstalled, the deletion
    /// time, "Uninstallation complete"; the history stays for helm history (and install --replace).
    /// </summary>
    public static JsonObject Uninstalled(StoredRelease deployed, DateTimeOffset modifiedAt)
    {
        var release = deployed.Release with
        {
            Info = deployed.Release.Info with { Status = ReleaseStatus.Uninstalled, Deleted = HelmTime.From(modifiedAt), Description = "Uninstallation complete" },
        };
        return ToSecret(release, deployed.Labels, modifiedAt);
    }

    /// <summary>Reads a release Secret as the API returns it (data values in base64).</summary>
    /// <exception cref="HelmException">The Secret has no release data, or it is not a Helm 3 release.</exception>
    public static StoredRelease Read(JsonObject secret)
    {
        var name = KubeObject.Name(secret);
        var data = KubeObject.Text(secret["data"]?[DataKey]);
        if (data.Length == 0)
        {
            throw GoStructReader.Invalid($"Secret {name} has no data[\"{DataKey}\"]");
        }

        string encoded;
        try
        {
            encoded = Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }
        catch (FormatException)
        {
            throw GoStructReader.Invalid($"Secret {name}: data[\"{DataKey}\"] is not base64");
        }

        var labels = KubeObject.Labels(secret);
        var release = ReleaseCodec.Decode(encoded) with
        {
            Labels = labels.Where(l => !SystemLabels.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
        };
        return new StoredRelease(name, labels, release);
    }

    private static JsonObject ToSecret(Release release, IReadOnlyDictionary<string, string> labels, DateTimeOffset modifiedAt)
    {
        var all = new Dictionary<string, string>(labels, StringComparer.Ordinal)
        {
            ["modifiedAt"] = modifiedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["name"] = release.Name,
            ["owner"] = Owner,
            ["status"] = release.Info.Status,
            ["version"] = release.Version.ToString(CultureInfo.InvariantCulture),
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject
            {
                ["name"] = Name(release.Name, release.Version),
                ["namespace"] = release.Namespace,
                ["labels"] = KubeObject.ToJson(all),
            },
            ["type"] = Type,
            ["data"] = new JsonObject { [DataKey] = Convert.ToBase64String(Encoding.ASCII.GetBytes(ReleaseCodec.Encode(release))) },
        };
    }
}
