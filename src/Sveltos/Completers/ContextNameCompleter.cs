using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Engine.Kube;

namespace Sveltos.Completers;

/// <summary>Completes kubeconfig context names. Never throws: a broken kubeconfig completes nothing.</summary>
public sealed class ContextNameCompleter : IArgumentCompleter
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
            var kubeconfig = CompletionText.Kubeconfig(fakeBoundParameters);
            var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return KubeconfigLoader.Load(kubeconfig).Contexts.Keys
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
