using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Infrastructure;

namespace Sveltos.Completers;

/// <summary>Completes classifier names from the fleet in effect. Never throws: an unreadable fleet completes nothing.</summary>
public sealed class ClassifierNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        try
        {
            var fleet = CompletionText.Fleet(fakeBoundParameters);
            using var opened = FleetConnections.Target(fleet).Open(Engine.Fleet.ClusterProbe.ProbeOptions);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return opened.GetClassifiersAsync(timeout.Token).GetAwaiter().GetResult().Classifiers
                .Select(c => c.Name)
                .Where(pattern.IsMatch)
                .Order(StringComparer.Ordinal)
                .Select(name => new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
        catch (Exception)
        {
            return [];
        }
    }
}
