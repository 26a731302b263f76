using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>
/// Completes a label selector (-Selector, -ClusterSelector) with the key=value labels the fleet's clusters
/// carry: the term after the last comma is completed, the terms before it are kept.
/// </summary>
public sealed class LabelSelectorCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        var comma = typed.LastIndexOf(',');
        var before = comma < 0 ? "" : typed[..(comma + 1)];
        return CompletionText.FromFleet(fakeBoundParameters, typed[(comma + 1)..], async (fleet, token) =>
            (await fleet.GetClustersAsync(token).ConfigureAwait(false)).SelectMany(c => c.Labels.Select(l => $"{l.Key}={l.Value}")))
            .Select(c => new CompletionResult(CompletionText.Quote(before + c.ListItemText), before + c.ListItemText, CompletionResultType.ParameterValue, c.ToolTip))
            .ToList();
    }
}
