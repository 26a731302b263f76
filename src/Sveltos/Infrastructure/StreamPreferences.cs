using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>
/// What the caller asked to happen to a cmdlet's errors and warnings: -ErrorAction / -WarningAction when
/// given, else $ErrorActionPreference / $WarningPreference as the cmdlet's scope sees them.
/// </summary>
internal static class StreamPreferences
{
    public static ActionPreference Error(PSCmdlet cmdlet) => Of(cmdlet, "ErrorAction", "ErrorActionPreference");

    /// <summary>$ErrorActionPreference alone: the only preference PowerShell applies to a terminating error.</summary>
    public static ActionPreference ErrorActionPreference(PSCmdlet cmdlet) => Parse(cmdlet.GetVariableValue("ErrorActionPreference"));

    public static ActionPreference Warning(PSCmdlet cmdlet) => Of(cmdlet, "WarningAction", "WarningPreference");

    public static bool Silences(ActionPreference preference) => preference is ActionPreference.SilentlyContinue or ActionPreference.Ignore;

    private static ActionPreference Of(PSCmdlet cmdlet, string parameter, string variable) =>
        Parse(cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var bound) ? bound : cmdlet.GetVariableValue(variable));

    private static ActionPreference Parse(object? value) =>
        Enum.TryParse<ActionPreference>(PowerShellValues.Unwrap(value)?.ToString(), ignoreCase: true, out var preference) ? preference : ActionPreference.Continue;
}
