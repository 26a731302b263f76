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
            return CompletionText.Matching(KubeconfigLoader.Load(CompletionText.Kubeconfig(fakeBoundParameters)).Contexts.Keys, wordToComplete);
        }
        catch (Exception)
        {
            return [];
        }
    }
}
