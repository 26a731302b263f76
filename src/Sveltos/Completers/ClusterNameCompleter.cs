using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Engine.Fleet;
using Sveltos.Infrastructure;

namespace Sveltos.Completers;

/// <summary>Completes cluster names from the fleet in effect. Never throws: an unreadable fleet completes nothing.</summary>
public sealed class ClusterNameCompleter : IArgumentCompleter
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
            using var opened = FleetConnections.Target(fleet).Open(ClusterProbe.ProbeOptions);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return opened.GetClustersAsync(timeout.Token).GetAwaiter().GetResult()
                .Where(c => pattern.IsMatch(c.Name))
                .Select(c => c.Name)
                .Distinct(StringComparer.Ordinal)
                .Select(name => new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
        catch (Exception)
        {
            return [];
        }
    }
}
