using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// The CustomResourceDefinitions the module needs in a management cluster. The schemas are the
/// module's own (group, version, kind and field names as Sveltos defines them; contents preserved
/// as given), so clusters already running the Sveltos controllers keep their definitions.
/// </summary>
public static class SveltosCrds
{
    public static readonly CrdDefinition SveltosCluster = new("lib.projectsveltos.io", "SveltosCluster", "sveltosclusters", Namespaced: true,
        [("Ready", "boolean", ".status.ready"), ("Version", "string", ".status.version")]);

    public static readonly CrdDefinition ClusterProfile = new("config.projectsveltos.io", "ClusterProfile", "clusterprofiles", Namespaced: false, []);

    public static readonly CrdDefinition Profile = new("config.projectsveltos.io", "Profile", "profiles", Namespaced: true, []);

    public static readonly CrdDefinition Classifier = new("lib.projectsveltos.io", "Classifier", "classifiers", Namespaced: false, []);

    /// <summary>The definitions of <paramref name="wanted"/> that the cluster does not have.</summary>
    public static async Task<IReadOnlyList<CrdDefinition>> MissingAsync(KubeClient management, IEnumerable<CrdDefinition> wanted, CancellationToken cancellationToken)
    {
        var crds = await management.ResolveResourceAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", cancellationToken).ConfigureAwait(false);
        var missing = new List<CrdDefinition>();
        foreach (var crd in wanted)
        {
            if (await management.GetAsync(crds, null, crd.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add(crd);
            }
        }

        return missing;
    }

    /// <summary>Creates the definitions and waits until the cluster serves them.</summary>
    public static async Task InstallAsync(KubeClient management, IReadOnlyList<CrdDefinition> crds, CancellationToken cancellationToken)
    {
        var resource = await management.ResolveResourceAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", cancellationToken).ConfigureAwait(false);
        foreach (var crd in crds)
        {
            await management.ApplyAsync(resource, crd.ToObject(), FieldManagers.Sveltos, force: false, dryRun: false, cancellationToken).ConfigureAwait(false);
        }

        await WaitUntilServedAsync(management, crds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Installs whichever of <paramref name="wanted"/> are missing.</summary>
    public static async Task EnsureAsync(KubeClient management, IEnumerable<CrdDefinition> wanted, CancellationToken cancellationToken) =>
        await InstallAsync(management, await MissingAsync(management, wanted, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private static async Task WaitUntilServedAsync(KubeClient management, IReadOnlyList<CrdDefinition> created, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var crd in created)
        {
            while (await management.FindResourceAsync(crd.ApiVersion, crd.Kind, cancellationToken).ConfigureAwait(false) is null)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new SveltosException("CrdNotServed", ErrorKind.OperationTimeout, $"Management cluster '{management.ClusterName}' did not start serving {crd.Name} within 30s.", crd.Name);
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One CustomResourceDefinition, served at v1beta1.</summary>
public sealed record CrdDefinition(string Group, string Kind, string Plural, bool Namespaced, IReadOnlyList<(string Name, string Type, string Path)> Columns)
{
    public const string Version = "v1beta1";

    public string Name => $"{Plural}.{Group}";

    public string ApiVersion => $"{Group}/{Version}";

    public JsonObject ToObject()
    {
        var preserve = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        var version = new JsonObject
        {
            ["name"] = Version,
            ["served"] = true,
            ["storage"] = true,
            ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
            ["schema"] = new JsonObject
            {
                ["openAPIV3Schema"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["apiVersion"] = new JsonObject { ["type"] = "string" },
                        ["kind"] = new JsonObject { ["type"] = "string" },
                        ["metadata"] = new JsonObject { ["type"] = "object" },
                        ["spec"] = preserve.DeepClone(),
                        ["status"] = preserve.DeepClone(),
                    },
                },
            },
        };
        if (Columns.Count > 0)
        {
            version["additionalPrinterColumns"] = new JsonArray(Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["jsonPath"] = c.Path }).ToArray());
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = Name },
            ["spec"] = new JsonObject
            {
                ["group"] = Group,
                ["scope"] = Namespaced ? "Namespaced" : "Cluster",
                ["names"] = new JsonObject
                {
                    ["kind"] = Kind,
                    ["listKind"] = Kind + "List",
                    ["plural"] = Plural,
                    ["singular"] = Kind.ToLowerInvariant(),
                },
                ["versions"] = new JsonArray(version),
            },
        };
    }
}
