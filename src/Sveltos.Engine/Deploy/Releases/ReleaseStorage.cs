using System.Text.Json.Nodes;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy.Releases;

/// <summary>Recognises the changes of a plan that are Helm release storage (a revision's Secret), and reads them.</summary>
internal static class ReleaseStorage
{
    public static bool IsStorage(PlannedChange change) =>
        change.Key is { Kind: "Secret", Group: "" } && (change.Desired?.Object ?? change.Live) is { } secret && IsStorage(secret);

    public static bool IsStorage(JsonObject secret) =>
        KubeObject.Text(secret["type"]) == ReleaseSecret.Type && KubeObject.Labels(secret).GetValueOrDefault("owner") == ReleaseSecret.Owner;

    /// <summary>The release (namespace, name) a storage change belongs to.</summary>
    public static (string Namespace, string Name) ReleaseOf(PlannedChange change) =>
        (change.Key.Namespace, KubeObject.Labels((change.Desired?.Object ?? change.Live)!).GetValueOrDefault("name") ?? "");

    public static string? StatusOf(JsonObject? secret) => secret is null ? null : KubeObject.Labels(secret).GetValueOrDefault("status");
}
