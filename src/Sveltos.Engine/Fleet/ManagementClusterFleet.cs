using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// A fleet kept in a management cluster with the Sveltos resources themselves: SveltosCluster and
/// Cluster API Cluster objects, kubeconfigs in Secrets, ClusterProfile/Profile objects.
/// </summary>
public sealed class ManagementClusterFleet(KubeClient management) : IFleet
{
    private const string CapiApiVersion = "cluster.x-k8s.io/v1beta1";

    public KubeClient Management { get; } = management;

    public string Description => $"management cluster '{Management.ClusterName}'";

    public bool IsReadOnly => false;

    public Task<FleetIdentity?> GetIdentityAsync(CancellationToken cancellationToken) => ManagementClusterIdentity.GetAsync(Management, cancellationToken);

    public Task<FleetIdentity> EnsureIdentityAsync(CancellationToken cancellationToken) => ManagementClusterIdentity.EnsureAsync(Management, cancellationToken);

    public async Task<IReadOnlyList<FleetCluster>> GetClustersAsync(CancellationToken cancellationToken)
    {
        var clusters = new List<FleetCluster>();
        if (await Management.FindResourceAsync(SveltosCrds.SveltosCluster.ApiVersion, "SveltosCluster", cancellationToken).ConfigureAwait(false) is { } sveltos)
        {
            var list = await Management.ListAsync(sveltos, null, null, cancellationToken).ConfigureAwait(false);
            clusters.AddRange(list.Items.Select(FromSveltosCluster));
        }

        if (await Management.FindResourceAsync(CapiApiVersion, "Cluster", cancellationToken).ConfigureAwait(false) is { } capi)
        {
            var list = await Management.ListAsync(capi, null, null, cancellationToken).ConfigureAwait(false);
            clusters.AddRange(list.Items.Select(FromCapiCluster));
        }

        return clusters.OrderBy(c => c.Namespace, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<FleetCluster> RegisterClusterAsync(ClusterRegistration registration, CancellationToken cancellationToken)
    {
        var resource = await Management.FindResourceAsync(SveltosCrds.SveltosCluster.ApiVersion, "SveltosCluster", cancellationToken).ConfigureAwait(false)
            ?? throw new SveltosException(
                "CrdMissing",
                ErrorKind.ObjectNotFound,
                $"Management cluster '{Management.ClusterName}' does not serve SveltosCluster.",
                Management.ClusterName,
                "Let Register-SveltosCluster install the Sveltos CRDs (do not decline that step), or install Sveltos.");
        var resolved = await registration.Connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var secretName = $"{registration.Name}-sveltos-kubeconfig";
        var kubeconfig = KubeconfigFlattener.Flatten(resolved, registration.Name);

        var namespaces = await Management.ResolveResourceAsync("v1", "Namespace", cancellationToken).ConfigureAwait(false);
        if (await Management.GetAsync(namespaces, null, registration.Namespace, cancellationToken).ConfigureAwait(false) is null)
        {
            var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = registration.Namespace } };
            await Management.ApplyAsync(namespaces, ns, FieldManagers.Sveltos, force: false, dryRun: false, cancellationToken).ConfigureAwait(false);
        }

        var secrets = await Management.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = secretName, ["namespace"] = registration.Namespace },
            ["type"] = "Opaque",
            ["data"] = new JsonObject { ["kubeconfig"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig)) },
        };
        await Management.ApplyAsync(secrets, secret, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);

        var cluster = new JsonObject
        {
            ["apiVersion"] = SveltosCrds.SveltosCluster.ApiVersion,
            ["kind"] = "SveltosCluster",
            ["metadata"] = new JsonObject
            {
                ["name"] = registration.Name,
                ["namespace"] = registration.Namespace,
                ["labels"] = KubeObject.ToJson(registration.Labels),
            },
            ["spec"] = new JsonObject { ["kubeconfigName"] = secretName, ["kubeconfigKeyName"] = "kubeconfig" },
        };
        await Management.ApplyAsync(resource, cluster, FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);

        // Without a Sveltos controller the module itself reports readiness, from its own connection check.
        var status = new JsonObject { ["status"] = new JsonObject { ["ready"] = registration.Ready, ["version"] = registration.Version } };
        var stored = await Management.MergePatchAsync(resource, registration.Namespace, registration.Name, status, FieldManagers.Sveltos, cancellationToken, subresource: "status").ConfigureAwait(false);
        return FromSveltosCluster(stored);
    }

    public async Task UnregisterClusterAsync(FleetCluster cluster, CancellationToken cancellationToken)
    {
        if (cluster.Type != ClusterType.SveltosCluster)
        {
            throw new SveltosException(
                "ClusterNotUnregistrable",
                ErrorKind.InvalidArgument,
                $"Cluster '{cluster}' is a Cluster API cluster; Cluster API owns its registration.",
                cluster.ToString(),
                "Delete the Cluster API Cluster with Cluster API, or remove its labels with Set-SveltosCluster.");
        }

        var resource = await Management.ResolveResourceAsync(SveltosCrds.SveltosCluster.ApiVersion, "SveltosCluster", cancellationToken).ConfigureAwait(false);
        var current = await Management.GetAsync(resource, cluster.Namespace, cluster.Name, cancellationToken).ConfigureAwait(false);
        await Management.DeleteAsync(resource, cluster.Namespace, cluster.Name, dryRun: false, cancellationToken).ConfigureAwait(false);

        var secretName = current?["spec"]?["kubeconfigName"]?.GetValue<string>() ?? $"{cluster.Name}-sveltos-kubeconfig";
        if (secretName == $"{cluster.Name}-sveltos-kubeconfig")
        {
            var secrets = await Management.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
            await Management.DeleteAsync(secrets, cluster.Namespace, secretName, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<FleetCluster> SetClusterLabelsAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        SetClusterMetadataAsync(cluster, labels, new Dictionary<string, string?>(), cancellationToken);

    public async Task<FleetCluster> SetClusterMetadataAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string?> annotationChanges, CancellationToken cancellationToken)
    {
        var resource = cluster.Type == ClusterType.Capi
            ? await Management.ResolveResourceAsync(CapiApiVersion, "Cluster", cancellationToken).ConfigureAwait(false)
            : await Management.ResolveResourceAsync(SveltosCrds.SveltosCluster.ApiVersion, "SveltosCluster", cancellationToken).ConfigureAwait(false);
        // A merge patch replaces keys one by one: removed labels are sent as null.
        var patchLabels = new JsonObject();
        foreach (var key in cluster.Labels.Keys.Where(k => !labels.ContainsKey(k)))
        {
            patchLabels[key] = null;
        }

        foreach (var (key, value) in labels)
        {
            patchLabels[key] = value;
        }

        // One patch, so labels and the record of who set them never disagree.
        var metadata = new JsonObject { ["labels"] = patchLabels };
        if (annotationChanges.Count > 0)
        {
            var patchAnnotations = new JsonObject();
            foreach (var (key, value) in annotationChanges)
            {
                patchAnnotations[key] = value;
            }

            metadata["annotations"] = patchAnnotations;
        }

        var patch = new JsonObject { ["metadata"] = metadata };
        var updated = await Management.MergePatchAsync(resource, cluster.Namespace, cluster.Name, patch, FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
        return cluster.Type == ClusterType.Capi ? FromCapiCluster(updated) : FromSveltosCluster(updated);
    }

    public async Task<Classify.FleetClassifiers> GetClassifiersAsync(CancellationToken cancellationToken)
    {
        var crd = SveltosCrds.Classifier;
        if (await Management.FindResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false) is not { } resource)
        {
            return Classify.FleetClassifiers.Empty;
        }

        var list = await Management.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
        return Classify.FleetClassifiers.From(list.Items
            .OrderBy(KubeObject.Name, StringComparer.Ordinal)
            .SelectMany(item => Classify.ClassifierImporter.ImportCopy(WithoutServerFields(item).ToJsonString(), $"{Description} Classifier/{KubeObject.Name(item)}")));
    }

    public async Task SaveClassifierAsync(Classify.ClassifierDocument classifier, CancellationToken cancellationToken)
    {
        var resource = await Management.ResolveResourceAsync(SveltosCrds.Classifier.ApiVersion, SveltosCrds.Classifier.Kind, cancellationToken).ConfigureAwait(false);
        await Management.ApplyAsync(resource, classifier.ToJsonObject(), FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveClassifierAsync(string name, CancellationToken cancellationToken)
    {
        var crd = SveltosCrds.Classifier;
        var resource = await Management.FindResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false);
        if (resource is null || !await Management.DeleteAsync(resource, null, name, dryRun: false, cancellationToken).ConfigureAwait(false))
        {
            throw new SveltosException("ClassifierNotFound", ErrorKind.ObjectNotFound, $"Classifier/{name} is not in {Description}.", name, "Run Get-ClusterClassifier to list the classifiers that exist.");
        }
    }

    public async Task<FleetProfiles> GetProfilesAsync(CancellationToken cancellationToken)
    {
        var results = new List<ProfileImportResult>();
        foreach (var crd in new[] { SveltosCrds.ClusterProfile, SveltosCrds.Profile })
        {
            if (await Management.FindResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false) is not { } resource)
            {
                continue;
            }

            var list = await Management.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Items.OrderBy(KubeObject.Namespace, StringComparer.Ordinal).ThenBy(KubeObject.Name, StringComparer.Ordinal))
            {
                var identity = crd.Namespaced ? $"{crd.Kind}/{KubeObject.Namespace(item)}/{KubeObject.Name(item)}" : $"{crd.Kind}/{KubeObject.Name(item)}";
                results.Add(ProfileImporter.ImportObject(WithoutServerFields(item), $"{Description} {identity}"));
            }
        }

        return FleetProfiles.From(results);
    }

    public async Task SaveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken)
    {
        var crd = profile.Kind == ProfileKind.Profile ? SveltosCrds.Profile : SveltosCrds.ClusterProfile;
        var resource = await Management.ResolveResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false);
        var identity = await EnsureIdentityAsync(cancellationToken).ConfigureAwait(false);
        await Management.ApplyAsync(resource, profile.ToJsonObject(), FieldManagers.Sveltos, force: true, dryRun: false, cancellationToken).ConfigureAwait(false);
        if (identity.RemovedProfiles.Contains(profile.Identity))
        {
            await ManagementClusterIdentity.SaveAsync(Management, identity.WithoutRemoved(profile.Identity), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken)
    {
        var crd = profile.Kind == ProfileKind.Profile ? SveltosCrds.Profile : SveltosCrds.ClusterProfile;
        var resource = await Management.ResolveResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false);
        var identity = await EnsureIdentityAsync(cancellationToken).ConfigureAwait(false);
        if (!await Management.DeleteAsync(resource, profile.Namespace, profile.Name, dryRun: false, cancellationToken).ConfigureAwait(false))
        {
            throw new SveltosException("ProfileNotFound", ErrorKind.ObjectNotFound, $"{profile.Identity} is not in {Description}.", profile.Identity);
        }

        await ManagementClusterIdentity.SaveAsync(Management, identity.WithRemoved(profile.Identity), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject WithoutServerFields(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in new[] { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink" })
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }

    public async Task<JsonObject?> GetObjectAsync(string apiVersion, string kind, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var resource = await Management.FindResourceAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
        return resource is null ? null : await Management.GetAsync(resource, @namespace, name, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Management.Dispose();

    private FleetCluster FromSveltosCluster(JsonObject obj)
    {
        var ns = KubeObject.Namespace(obj);
        var name = KubeObject.Name(obj);
        var secretName = KubeObject.Text(obj["spec"]?["kubeconfigName"]);
        var key = KubeObject.Text(obj["spec"]?["kubeconfigKeyName"]);
        return new FleetCluster(
            ClusterType.SveltosCluster,
            ns,
            name,
            KubeObject.Labels(obj),
            KubeObject.Flag(obj["status"]?["ready"]),
            KubeObject.Flag(obj["spec"]?["paused"]),
            NullIfEmpty(KubeObject.Text(obj["status"]?["version"])),
            new SecretConnection(Management, ns, secretName.Length > 0 ? secretName : $"{name}-sveltos-kubeconfig", key.Length > 0 ? key : null, name),
            null) { Object = obj };
    }

    private FleetCluster FromCapiCluster(JsonObject obj)
    {
        var ns = KubeObject.Namespace(obj);
        var name = KubeObject.Name(obj);
        return new FleetCluster(
            ClusterType.Capi,
            ns,
            name,
            KubeObject.Labels(obj),
            KubeObject.Flag(obj["status"]?["controlPlaneReady"]),
            KubeObject.Flag(obj["spec"]?["paused"]),
            null,
            new SecretConnection(Management, ns, $"{name}-kubeconfig", "value", name),
            null) { Object = obj };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
