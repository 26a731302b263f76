using System.Collections;
using System.Management.Automation;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Completers;

internal static class CompletionText
{
    /// <summary>The -Kubeconfig files typed so far on the command line, if any.</summary>
    public static string[]? Kubeconfig(IDictionary fakeBoundParameters) => fakeBoundParameters["Kubeconfig"] switch
    {
        string one => [one],
        object[] many => many.Select(p => p?.ToString() ?? "").ToArray(),
        _ => null,
    };

    /// <summary>The fleet a command line being completed would work on.</summary>
    public static SveltosFleet Fleet(IDictionary fakeBoundParameters)
    {
        var kubeconfig = Kubeconfig(fakeBoundParameters);
        return fakeBoundParameters["FleetPath"] is string path
            ? FleetConnections.Directory(path, kubeconfig)
            : fakeBoundParameters["ManagementContext"] is string context
                ? FleetConnections.ManagementCluster(context, kubeconfig)
                : FleetSession.Current ?? FleetConnections.Kubeconfig(kubeconfig);
    }

    /// <summary>
    /// Completes names read from the fleet a command line would work on. Never throws and never waits more than
    /// 3 s: a fleet that cannot be read completes nothing.
    /// </summary>
    public static IEnumerable<CompletionResult> FromFleet(IDictionary fakeBoundParameters, string wordToComplete, Func<IFleet, CancellationToken, Task<IEnumerable<string>>> names)
    {
        try
        {
            using var opened = FleetConnections.Target(Fleet(fakeBoundParameters)).Open(ClusterProbe.ProbeOptions);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return Matching(names(opened, timeout.Token).GetAwaiter().GetResult(), wordToComplete);
        }
        catch (Exception)
        {
            return [];
        }
    }

    /// <summary>The names that start like what was typed (wildcards allowed), sorted, quoted where needed.</summary>
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> names, string wordToComplete)
    {
        var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return names
            .Where(pattern.IsMatch)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>Quotes a completion only when PowerShell would otherwise split or interpret it.</summary>
    public static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[]@#;,|&<>".Contains(c))
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
