using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Infrastructure;

namespace Sveltos.Completers;

/// <summary>Completes cluster names from the kubeconfig in effect. Never throws: a broken kubeconfig completes nothing.</summary>
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
            var kubeconfig = fakeBoundParameters["Kubeconfig"] switch
            {
                string one => new[] { one },
                object[] many => many.Select(p => p?.ToString() ?? "").ToArray(),
                _ => null,
            };
            var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return KubeconfigClusters.Load(kubeconfig, null)
                .Where(c => pattern.IsMatch(c.Name))
                .Select(c => new CompletionResult(CompletionText.Quote(c.Name), c.Name, CompletionResultType.ParameterValue, c.Server))
                .ToList();
        }
        catch (Exception)
        {
            return [];
        }
    }
}
