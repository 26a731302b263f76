namespace Sveltos.Engine.Content;

/// <summary>
/// A profile waits for something outside it (a template resource another system has not created
/// yet). Not a failure: nothing is deployed or withdrawn, and the next sync or -Watch tries again.
/// </summary>
public sealed class PendingException(string message, string? target)
    : SveltosException("ProfilePending", ErrorKind.ResourceUnavailable, message, target, "Wait for the resource to appear; -Watch retries on its own.");
