namespace Sveltos.KubeSim.Resources;

/// <summary>A served resource: built-in or defined by a CustomResourceDefinition.</summary>
internal sealed class ResourceType
{
    public static readonly IReadOnlyList<string> StandardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public required bool Namespaced { get; init; }

    /// <summary>Served versions; the first is the preferred one.</summary>
    public required IReadOnlyList<string> Versions { get; init; }

    public string? SingularName { get; init; }

    public string? ListKindName { get; init; }

    public string Singular => SingularName ?? Kind.ToLowerInvariant();

    public string ListKind => ListKindName ?? Kind + "List";

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    public bool HasStatus { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>Whether metadata.generation is maintained: custom resources and the built-ins with a desired state (not ConfigMaps, Secrets, RBAC...).</summary>
    public bool TracksGeneration => IsCustom || Group is "apps" or "batch" or "networking.k8s.io" or "policy" or "autoscaling" or "apiextensions.k8s.io";

    public IObjectSchema Schema { get; init; } = BuiltInSchema.Instance;

    public IReadOnlyList<TableColumn> Columns { get; init; } = BuiltInColumns.NameAge;

    /// <summary>Identity of the stored collection, independent of version: "deployments.apps", "configmaps".</summary>
    public string Key => Group.Length == 0 ? Plural : Plural + "." + Group;

    public string PreferredVersion => Versions[0];

    public bool Serves(string version) => Versions.Contains(version, StringComparer.Ordinal);

    public string ApiVersion(string version) => Group.Length == 0 ? version : Group + "/" + version;
}
