using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content;

/// <summary>
/// A kind of profile content (policyRefs today; Helm charts and kustomize later). Each turns a
/// (profile, cluster) pair into the objects to deploy; everything after that is shared.
/// </summary>
public interface IContentSource
{
    /// <summary>Produces the objects, or throws a <see cref="SveltosException"/>: a source that fails never yields a partial set.</summary>
    Task<ContentResult> ResolveAsync(ContentRequest request, CancellationToken cancellationToken);
}

/// <summary>What content is produced for: a profile, a cluster, the fleet, and the management-cluster resources fetched for templates.</summary>
public sealed record ContentRequest(ClusterProfileDocument Profile, FleetCluster Cluster, IFleet Fleet)
{
    /// <summary>The profile's templateResourceRefs, fetched for this cluster, by identifier.</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources { get; init; } = new Dictionary<string, JsonObject>();
}

/// <summary>One object to deploy and where it came from.</summary>
public sealed record ContentObject(JsonObject Object, SourceRef Source, string Reason, DeploymentType Target);

public sealed record ContentResult(IReadOnlyList<ContentObject> Objects, IReadOnlyList<SourceVersion> Sources)
{
    public static readonly ContentResult Empty = new([], []);
}
