namespace Sveltos.Infrastructure;

/// <summary>
/// Reads pwsh's own command line to tell a run that ends when its command or script ends (<c>-Command</c>,
/// <c>-File</c>, <c>-EncodedCommand</c>, <c>-CommandWithArgs</c>, or a script path) from an interactive
/// session, which a CI rule must never close. Switches are matched the way pwsh matches them: any
/// unambiguous prefix, with one or two leading dashes.
/// </summary>
internal static class PwshCommandLine
{
    private static readonly Lazy<bool> Current = new(() => EndsWithCommand(Environment.GetCommandLineArgs().Skip(1).ToList()));

    /// <summary>True when this process runs one command or script and then exits.</summary>
    public static bool CurrentEndsWithCommand => Current.Value;

    public static bool EndsWithCommand(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (!argument.StartsWith('-'))
            {
                // A script path pwsh runs as -File; any other plain argument is the value of a switch (-ExecutionPolicy Bypass).
                if (argument.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                continue;
            }

            var name = argument.TrimStart('-').ToLowerInvariant();
            if (name.Length == 0 || IsSwitch(name, "noexit", 3) || IsSwitch(name, "interactive", 1))
            {
                return false;
            }

            // Everything after these belongs to the command or the script, not to pwsh.
            if (IsSwitch(name, "command", 1) || IsSwitch(name, "commandwithargs", 8) || name == "cwa"
                || IsSwitch(name, "file", 1) || IsSwitch(name, "encodedcommand", 2) || name is "e" or "ec")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSwitch(string typed, string name, int shortest) =>
        typed.Length >= shortest && name.StartsWith(typed, StringComparison.Ordinal);
}
