using System.Globalization;
using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Resources;

/// <summary>The columns kubectl get shows for built-in kinds (a useful subset of the API server's printers).</summary>
internal static class BuiltInColumns
{
    public static readonly TableColumn Name = new("Name", "string", "Name must be unique within a namespace.", o => o.Metadata().GetString("name"), "name");

    public static readonly TableColumn Age = new("Age", "string", "CreationTimestamp is a timestamp representing the server time when this object was created.", o => AgeOf(o.Metadata().GetString("creationTimestamp")));

    public static readonly IReadOnlyList<TableColumn> NameAge = [Name, Age];

    public static readonly IReadOnlyList<TableColumn> Namespaces = [Name, Str("Status", o => Status(o)?.GetString("phase")), Age];

    public static readonly IReadOnlyList<TableColumn> ConfigMaps = [Name, Int("Data", o => (o.GetObject("data")?.Count ?? 0) + (o.GetObject("binaryData")?.Count ?? 0)), Age];

    public static readonly IReadOnlyList<TableColumn> Secrets = [Name, Str("Type", o => o.GetString("type")), Int("Data", o => o.GetObject("data")?.Count ?? 0), Age];

    public static readonly IReadOnlyList<TableColumn> Services =
    [
        Name,
        Str("Type", o => Spec(o)?.GetString("type")),
        Str("Cluster-IP", o => Spec(o)?.GetString("clusterIP") ?? "<none>"),
        Str("External-IP", _ => "<none>"),
        Str("Port(s)", o => ServicePorts(Spec(o)?.GetArray("ports"))),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> Nodes =
    [
        Name,
        Str("Status", _ => "Ready"),
        Str("Roles", o => NodeRoles(o)),
        Age,
        Str("Version", o => Status(o)?.GetObject("nodeInfo")?.GetString("kubeletVersion")),
    ];

    public static readonly IReadOnlyList<TableColumn> Pods =
    [
        Name,
        Str("Ready", o => $"{(Status(o)?.GetString("phase") == "Running" ? Containers(o) : 0)}/{Containers(o)}"),
        Str("Status", o => Status(o)?.GetString("phase") ?? "Pending"),
        Int("Restarts", _ => 0),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> Deployments =
    [
        Name,
        Str("Ready", o => $"{Count(Status(o), "readyReplicas")}/{Count(Spec(o), "replicas", 1)}"),
        Int("Up-to-date", o => Count(Status(o), "updatedReplicas")),
        Int("Available", o => Count(Status(o), "availableReplicas")),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> StatefulSets =
        [Name, Str("Ready", o => $"{Count(Status(o), "readyReplicas")}/{Count(Spec(o), "replicas", 1)}"), Age];

    public static readonly IReadOnlyList<TableColumn> DaemonSets =
    [
        Name,
        Int("Desired", o => Count(Status(o), "desiredNumberScheduled")),
        Int("Current", o => Count(Status(o), "currentNumberScheduled")),
        Int("Ready", o => Count(Status(o), "numberReady")),
        Int("Up-to-date", o => Count(Status(o), "updatedNumberScheduled")),
        Int("Available", o => Count(Status(o), "numberAvailable")),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> ReplicaSets =
    [
        Name,
        Int("Desired", o => Count(Spec(o), "replicas", 1)),
        Int("Current", o => Count(Status(o), "replicas")),
        Int("Ready", o => Count(Status(o), "readyReplicas")),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> Jobs =
    [
        Name,
        Str("Status", o => Count(Status(o), "succeeded") > 0 ? "Complete" : "Running"),
        Str("Completions", o => $"{Count(Status(o), "succeeded")}/{Count(Spec(o), "completions", 1)}"),
        Age,
    ];

    public static readonly IReadOnlyList<TableColumn> CustomResourceDefinitions =
        [Name, Str("Created At", o => o.Metadata().GetString("creationTimestamp"))];

    public static TableColumn Str(string name, Func<JsonObject, string?> cell) => new(name, "string", name, o => cell(o));

    private static TableColumn Int(string name, Func<JsonObject, long> cell) => new(name, "integer", name, o => cell(o));

    private static JsonObject? Spec(JsonObject o) => o.GetObject("spec");

    private static JsonObject? Status(JsonObject o) => o.GetObject("status");

    private static long Count(JsonObject? o, string property, long fallback = 0) => o?.GetInt64(property) ?? fallback;

    private static int Containers(JsonObject o) => Spec(o)?.GetArray("containers")?.Count ?? 0;

    private static string ServicePorts(JsonArray? ports) =>
        ports is null || ports.Count == 0 ? "<none>"
        : string.Join(',', ports.OfType<JsonObject>().Select(p => $"{p.GetInt64("port")}/{p.GetString("protocol") ?? "TCP"}"));

    private static string NodeRoles(JsonObject node)
    {
        var roles = node.Metadata().GetStringMap("labels").Keys
            .Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(k => k["node-role.kubernetes.io/".Length..]).ToList();
        return roles.Count == 0 ? "<none>" : string.Join(',', roles);
    }

    /// <summary>Renders an age the way kubectl does (5s, 3m20s, 4h, 2d).</summary>
    public static string AgeOf(string? timestamp)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }
        var age = DateTimeOffset.UtcNow - created;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }
        return age.TotalSeconds < 120 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 10 ? $"{(int)age.TotalMinutes}m{age.Seconds}s"
            : age.TotalHours < 3 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 8 ? $"{(int)age.TotalHours}h{age.Minutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
