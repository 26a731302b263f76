using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Store;

/// <summary>An immutable stored object: its serialised JSON plus the few facts lists and selectors need without parsing it.</summary>
internal sealed class StoredObject
{
    public required ResourceType Type { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required long ResourceVersion { get; init; }

    /// <summary>The version of the group the object was written with; reads at another served version only rewrite apiVersion.</summary>
    public required string Version { get; init; }

    public required byte[] Json { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public bool IsTerminating { get; init; }

    public bool HasFinalizers { get; init; }

    /// <summary>The uids in metadata.ownerReferences, for garbage collection.</summary>
    public IReadOnlyList<string> OwnerUids { get; init; } = [];

    public string Key => StoreKey(Namespace, Name);

    public static string StoreKey(string ns, string name) => ns + "/" + name;

    public JsonObject ToNode() => JsonTree.ParseObject(Json);

    /// <summary>The object as served at <paramref name="version"/> (CRDs without conversion webhooks only relabel).</summary>
    public JsonObject ToNode(string version)
    {
        var node = ToNode();
        if (version != Version)
        {
            node["apiVersion"] = Type.ApiVersion(version);
        }
        return node;
    }

    public byte[] JsonAt(string version) => version == Version ? Json : JsonTree.ToUtf8(ToNode(version));
}
