using System.Text.Json.Nodes;
using Sveltos.Engine.Content;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Turns a profile's content into what it wants in one cluster: namespaced objects placed in a
/// namespace (default when none is given), Sveltos tracking metadata stamped, each object hashed.
/// </summary>
public static class DesiredStateBuilder
{
    public static async Task<DesiredState> BuildAsync(
        KubeClient cluster,
        ClusterProfileDocument profile,
        string clusterName,
        IReadOnlyList<ContentObject> content,
        IReadOnlyList<SourceVersion> sources,
        bool local,
        string inputHash,
        CancellationToken cancellationToken)
    {
        var spec = profile.Spec;
        var profileRef = ProfileRefs.Of(profile);
        var contentCrds = content.Select(c => c.Object).Where(IsCrd).ToList();
        var objects = new List<DesiredObject>();
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<ObjectKey, SourceRef>();
        foreach (var item in content)
        {
            var obj = (JsonObject)item.Object.DeepClone();
            var key = ObjectKey.Of(obj);
            var namespaced = await IsNamespacedAsync(cluster, key, contentCrds, item.Source, cancellationToken).ConfigureAwait(false);
            var metadata = (JsonObject)obj["metadata"]!;
            if (namespaced && string.IsNullOrEmpty(KubeObject.Namespace(obj)))
            {
                metadata["namespace"] = item.DefaultNamespace;
            }
            else if (!namespaced)
            {
                metadata.Remove("namespace");
            }

            key = ObjectKey.Of(obj);
            if (seen.TryGetValue(key, out var first))
            {
                throw new ContentException(
                    "ContentDuplicateObject",
                    $"{profile.Identity}: {key} is defined twice, in {first} and in {item.Source}.",
                    profile.Identity,
                    "Keep each object in one place.");
            }

            seen[key] = item.Source;
            AddMap(metadata, "labels", spec.ExtraLabels);
            AddMap(metadata, "annotations", spec.ExtraAnnotations);
            var hash = ObjectHasher.Hash(obj);
            Tracking.Stamp(obj, profileRef, spec.Tier, item.Source, item.Reason, hash);
            objects.Add(new DesiredObject(key, obj, item.Source, hash));
            if (namespaced)
            {
                namespaces.Add(key.Namespace);
            }
        }

        foreach (var created in objects.Where(o => o.Key is { Kind: "Namespace", Group: "" }))
        {
            namespaces.Remove(created.Key.Name);
        }

        return new DesiredState
        {
            Profile = profileRef,
            Cluster = clusterName,
            Local = local,
            Tier = spec.Tier,
            SyncMode = spec.SyncMode.ToString(),
            StopMatchingBehavior = spec.StopMatchingBehavior.ToString(),
            ContinueOnConflict = spec.ContinueOnConflict,
            ContinueOnError = spec.ContinueOnError,
            Objects = objects,
            NamespacesToCreate = namespaces.ToList(),
            Sources = sources,
            DriftExclusions = spec.DriftExclusions,
            InputHash = inputHash,
        };
    }

    /// <summary>
    /// What a profile wants when its inputs are those of the last deployment: nothing needs building,
    /// the planner answers Unchanged from the record alone.
    /// </summary>
    public static DesiredState Unchanged(ClusterProfileDocument profile, string clusterName, bool local, string inputHash, IReadOnlyList<SourceVersion> sources) => new()
    {
        Profile = ProfileRefs.Of(profile),
        Cluster = clusterName,
        Local = local,
        Tier = profile.Spec.Tier,
        SyncMode = profile.Spec.SyncMode.ToString(),
        StopMatchingBehavior = profile.Spec.StopMatchingBehavior.ToString(),
        ContinueOnConflict = profile.Spec.ContinueOnConflict,
        ContinueOnError = profile.Spec.ContinueOnError,
        Sources = sources,
        DriftExclusions = profile.Spec.DriftExclusions,
        InputHash = inputHash,
    };


    private static void AddMap(JsonObject metadata, string field, IReadOnlyDictionary<string, string> extra)
    {
        if (extra.Count == 0)
        {
            return;
        }

        var map = metadata[field] as JsonObject ?? new JsonObject();
        metadata[field] = map;
        foreach (var (key, value) in extra)
        {
            map[key] = value;
        }
    }

    private static bool IsCrd(JsonObject obj) =>
        KubeObject.Kind(obj) == "CustomResourceDefinition" && KubeObject.ApiVersion(obj).StartsWith("apiextensions.k8s.io/", StringComparison.Ordinal);

    private static async Task<bool> IsNamespacedAsync(KubeClient cluster, ObjectKey key, IReadOnlyList<JsonObject> contentCrds, SourceRef source, CancellationToken cancellationToken)
    {
        if (await cluster.FindResourceAsync(key.ApiVersion, key.Kind, cancellationToken).ConfigureAwait(false) is { } served)
        {
            return served.Namespaced;
        }

        var crd = contentCrds.FirstOrDefault(c =>
            KubeObject.Text(c["spec"]?["group"]) == key.Group && KubeObject.Text(c["spec"]?["names"]?["kind"]) == key.Kind);
        if (crd is not null)
        {
            return KubeObject.Text(crd["spec"]?["scope"]) != "Cluster";
        }

        throw new ContentException(
            "KindNotServed",
            $"{source}: {key} cannot be deployed to cluster '{cluster.ClusterName}': it does not serve {key.Kind} in {key.ApiVersion}, and the content defines no CustomResourceDefinition for it.",
            cluster.ClusterName,
            "Deploy the CRD first (in this content or a profile this one dependsOn), or correct apiVersion/kind.");
    }
}
