namespace Sveltos;

/// <summary>One object a profile produces for one cluster, as Expand-ClusterProfile shows it (nothing is applied).</summary>
public sealed class RenderedObject
{
    internal RenderedObject(string cluster, string profile, string deploymentType, string apiVersion, string kind, string @namespace, string name, string source, string yaml)
    {
        Cluster = cluster;
        Profile = profile;
        DeploymentType = deploymentType;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Source = source;
        Yaml = yaml;
    }

    public string Cluster { get; }

    public string Profile { get; }

    /// <summary>Remote (to the cluster) or Local (to the management cluster).</summary>
    public string DeploymentType { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The namespace as the content gives it (empty: default, or cluster-scoped).</summary>
    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The ConfigMap or Secret key the object came from.</summary>
    public string Source { get; }

    public string Yaml { get; }

    public override string ToString() => Yaml;
}
