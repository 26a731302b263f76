using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Sveltos.Engine.Profiles;

namespace Sveltos.Completers;

/// <summary>
/// Completes the enum-like profile fields (-SyncMode, -StopMatchingBehavior). A completer rather than
/// ValidateSet, so that a wrong value is reported by the profile validation, naming the field.
/// </summary>
public sealed class ProfileValueCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var values = parameterName switch
        {
            "SyncMode" => Enum.GetNames<SyncMode>(),
            "StopMatchingBehavior" => Enum.GetNames<StopMatchingBehavior>(),
            _ => [],
        };
        var prefix = wordToComplete.Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
            .ToList();
    }
}
