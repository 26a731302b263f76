using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Engine.Fleet;

namespace Sveltos.Completers;

/// <summary>Completes names read from the fleet in effect; a subclass says which names.</summary>
public abstract class FleetNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionText.FromFleet(fakeBoundParameters, wordToComplete, (fleet, token) => NamesAsync(fleet, fakeBoundParameters, token));

    /// <summary>The names to offer; <paramref name="boundParameters"/> holds what the command line has typed so far.</summary>
    protected abstract Task<IEnumerable<string>> NamesAsync(IFleet fleet, IDictionary boundParameters, CancellationToken cancellationToken);
}
