namespace Sveltos.Engine.Classify;

/// <summary>How a cluster's version is compared with a constraint's (kubernetesVersionConstraints[].comparison).</summary>
public enum VersionComparison
{
    Equal,
    NotEqual,
    GreaterThan,
    LessThan,
    GreaterThanOrEqualTo,
    LessThanOrEqualTo,
}

/// <summary>One kubernetesVersionConstraints entry: the cluster's version must compare to <see cref="Version"/> as <see cref="Comparison"/> says.</summary>
public sealed record VersionConstraint(VersionComparison Comparison, KubernetesVersion Version)
{
    public bool IsSatisfiedBy(KubernetesVersion clusterVersion)
    {
        var order = clusterVersion.CompareTo(Version);
        return Comparison switch
        {
            VersionComparison.Equal => order == 0,
            VersionComparison.NotEqual => order != 0,
            VersionComparison.GreaterThan => order > 0,
            VersionComparison.LessThan => order < 0,
            VersionComparison.GreaterThanOrEqualTo => order >= 0,
            VersionComparison.LessThanOrEqualTo => order <= 0,
            _ => false,
        };
    }

    /// <summary>E.g. <c>&gt;= v1.28.0</c>.</summary>
    public override string ToString() => $"{Symbol(Comparison)} {Version}";

    public static string Symbol(VersionComparison comparison) => comparison switch
    {
        VersionComparison.Equal => "==",
        VersionComparison.NotEqual => "!=",
        VersionComparison.GreaterThan => ">",
        VersionComparison.LessThan => "<",
        VersionComparison.GreaterThanOrEqualTo => ">=",
        _ => "<=",
    };
}
