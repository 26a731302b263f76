namespace Sveltos.Engine.Deploy.Releases;

/// <summary>A hook of a release failed (or timed out): the hooks of that event that ran, the failed one last.</summary>
public sealed class HookFailedException(string message, string target, string recommendedAction, IReadOnlyList<HookOutcome> outcomes, Exception inner)
    : SveltosException("HelmHookFailed", ErrorKind.InvalidData, message, target, recommendedAction, inner)
{
    public IReadOnlyList<HookOutcome> Outcomes { get; } = outcomes;
}
