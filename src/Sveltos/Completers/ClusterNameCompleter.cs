using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Sveltos.Completers;

/// <summary>Completes cluster names from the fleet in effect.</summary>
public sealed class ClusterNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionText.FromFleet(fakeBoundParameters, wordToComplete, async (fleet, token) =>
            (await fleet.GetClustersAsync(token).ConfigureAwait(false)).Select(c => c.Name));
}
