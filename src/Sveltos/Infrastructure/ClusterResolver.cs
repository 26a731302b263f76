using System.Management.Automation;
using Sveltos.Engine.Fleet;

namespace Sveltos.Infrastructure;

/// <summary>
/// The one place a cmdlet turns the clusters it was given (names, <c>namespace/name</c>, wildcards, or the
/// objects Get-SveltosCluster returns) into clusters of its fleet. A name or object that matches none is
/// ClusterNotFound; a wildcard may match none. A plain name stands for that cluster in every namespace, except
/// where exactly one cluster is meant (ClusterAmbiguous).
/// </summary>
internal static class ClusterResolver
{
    /// <returns>Null when no cluster was given (the cmdlet works on all); otherwise the named ones, in fleet order.</returns>
    public static IReadOnlyList<FleetCluster>? Resolve(SveltosCmdlet cmdlet, IReadOnlyList<FleetCluster> clusters, IReadOnlyCollection<SveltosCluster> given, string fleet)
    {
        if (given.Count == 0)
        {
            return null;
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requested in given)
        {
            var matches = clusters.Where(c => Names(requested, c)).ToList();
            var wildcard = requested.IsName && (WildcardPattern.ContainsWildcardCharacters(requested.Name) || WildcardPattern.ContainsWildcardCharacters(requested.Namespace));
            if (matches.Count == 0 && !wildcard)
            {
                cmdlet.WriteError(ErrorRecords.Create(
                    "ClusterNotFound",
                    ErrorCategory.ObjectNotFound,
                    $"Cluster '{requested}' was not found in {fleet}.{NameSuggestions.DidYouMean(requested.Name, clusters.Select(c => c.Name))}",
                    requested.ToString(),
                    "Run Get-SveltosCluster to list the clusters of the fleet."));
            }
            else
            {
                selected.UnionWith(matches.Select(m => m.Key));
            }
        }

        return clusters.Where(c => selected.Contains(c.Key)).ToList();
    }

    /// <summary>The one cluster <paramref name="name"/> (in <paramref name="namespace"/> when given) names, or null after its error.</summary>
    public static FleetCluster? ResolveOne(SveltosCmdlet cmdlet, IReadOnlyList<FleetCluster> clusters, string name, string? @namespace, string fleet)
    {
        var text = WildcardPattern.Escape(name);
        var named = SveltosCluster.Named(string.IsNullOrEmpty(@namespace) ? text : $"{WildcardPattern.Escape(@namespace)}/{text}");
        var matches = Resolve(cmdlet, clusters, [named], fleet)!;
        if (matches.Count > 1)
        {
            cmdlet.WriteError(ErrorRecords.Create(
                "ClusterAmbiguous",
                ErrorCategory.InvalidArgument,
                $"Cluster name '{name}' exists in several namespaces of {fleet}: {string.Join(", ", matches.Select(m => m.ToString()))}.",
                name,
                "Pass -Namespace."));
        }

        return matches is [var one] ? one : null;
    }

    private static bool Names(SveltosCluster requested, FleetCluster cluster) =>
        requested.IsName
            ? Matches(requested.Name, cluster.Name) && (requested.Namespace.Length == 0 || Matches(requested.Namespace, cluster.Namespace))
            : requested.Name == cluster.Name && requested.Namespace == cluster.Namespace;

    private static bool Matches(string pattern, string value) => WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(value);
}
