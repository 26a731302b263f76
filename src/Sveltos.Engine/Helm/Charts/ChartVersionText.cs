using System.Globalization;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Whether a chart version is one Helm accepts: Masterminds semver's NewVersion (the loose form Helm validates
/// Chart.yaml with: an optional 'v', minor and patch optional, prerelease identifiers without leading zeros).
/// </summary>
internal static partial class ChartVersionText
{
    public static bool IsValid(string version)
    {
        var m = LooseVersion().Match(version);
        if (!m.Success)
        {
            return false;
        }

        for (var group = 1; group <= 3; group++)
        {
            if (m.Groups[group].Success && !ulong.TryParse(m.Groups[group].Value.TrimStart('.'), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return !m.Groups[4].Success || m.Groups[4].Value.Split('.').All(part => !(part.Length > 1 && part[0] == '0' && part.All(char.IsAsciiDigit)));
    }

    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(?:-([0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+([0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?$")]
    private static partial Regex LooseVersion();
}
