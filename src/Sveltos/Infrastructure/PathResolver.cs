using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>Resolves user-given paths against PowerShell's current location, not the process directory.</summary>
internal static class PathResolver
{
    public static string[]? Resolve(PSCmdlet cmdlet, string[]? paths) =>
        paths?.Select(p => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(p)).ToArray();
}
