using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Runtime;

/// <summary>
/// How the simulated containers of a pod spec end when they run to completion: with exit code 0, unless a container's
/// command line is <c>false</c> or ends with <c>exit N</c> (as in <c>sh -c "exit 3"</c>), which is how a test asks for a
/// failing Job or hook Pod.
/// </summary>
internal static partial class ContainerExit
{
    /// <summary>The first non-zero exit code among the containers, or 0 when they all succeed.</summary>
    public static int CodeOf(JsonObject podSpec)
    {
        foreach (var container in podSpec.GetArray("containers")?.OfType<JsonObject>() ?? [])
        {
            var words = (container.GetArray("command") ?? []).Concat(container.GetArray("args") ?? [])
                .Select(w => w?.GetValue<string>() ?? "")
                .ToList();
            var line = string.Join(' ', words).Trim();
            if (line == "false" || line.EndsWith(" false", StringComparison.Ordinal))
            {
                return 1;
            }

            if (ExitCommand().Match(line) is { Success: true } match && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var code and not 0)
            {
                return code;
            }
        }

        return 0;
    }

    /// <summary>True when a pod with this spec ends (restartPolicy Never or OnFailure) instead of running on.</summary>
    public static bool RunsToCompletion(JsonObject podSpec) => podSpec.GetString("restartPolicy") is "Never" or "OnFailure";

    [GeneratedRegex(@"(?:^|[\s;&|])exit\s+(\d+)\s*;?$")]
    private static partial Regex ExitCommand();
}
