using System.Globalization;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Content.Helm;

/// <summary>
/// The Helm 3 storage Secrets of one release on a cluster (labels owner=helm, name=&lt;release&gt;), newest revision
/// first: whoever wrote them, this module or helm itself.
/// </summary>
public sealed class HelmReleaseHistory
{
    public static readonly HelmReleaseHistory None = new([]);

    public HelmReleaseHistory(IReadOnlyList<JsonObject> secrets) =>
        Revisions = secrets.Select(s => (Version: VersionOf(s), Secret: s)).Where(r => r.Version > 0).OrderByDescending(r => r.Version).Select(r => r.Secret).ToList();

    /// <summary>The storage Secrets, the highest revision first.</summary>
    public IReadOnlyList<JsonObject> Revisions { get; }

    /// <summary>The revision whose status is deployed (the newest, if several say so), or null.</summary>
    public JsonObject? Deployed => Revisions.FirstOrDefault(s => KubeObject.Labels(s).GetValueOrDefault("status") == "deployed");

    /// <summary>The number the next revision gets: one more than the highest there is.</summary>
    public int NextVersion => Revisions.Count == 0 ? 1 : VersionOf(Revisions[0]) + 1;

    public static int VersionOf(JsonObject secret) =>
        int.TryParse(KubeObject.Labels(secret).GetValueOrDefault("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    /// <summary>Lists the release's storage Secrets in its namespace (one LIST, by label).</summary>
    public static async Task<HelmReleaseHistory> ReadAsync(KubeClient client, string @namespace, string releaseName, CancellationToken cancellationToken)
    {
        var secrets = await client.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
        var list = await client.ListAsync(secrets, @namespace, $"owner=helm,name={releaseName}", cancellationToken).ConfigureAwait(false);
        return new HelmReleaseHistory(list.Items.Where(s => KubeObject.Text(s["type"]) == "helm.sh/release.v1").ToList());
    }
}
