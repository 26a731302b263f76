using System.Collections;
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

    /// <summary>Quotes a completion only when PowerShell would otherwise split or interpret it.</summary>
    public static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[]@#;,|&<>".Contains(c))
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
