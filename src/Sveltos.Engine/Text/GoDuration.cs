using System.Globalization;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Text;

/// <summary>Go's time.ParseDuration: "1h30m", "-2h", "1.5s", "300ms", "5m0s" (as metav1.Duration fields are written too).</summary>
public static partial class GoDuration
{
    /// <summary>The duration, or null when the text is not one.</summary>
    public static TimeSpan? TryParse(string text)
    {
        var unsigned = text.TrimStart('-', '+');
        var matches = Part().Matches(unsigned);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != unsigned)
        {
            return null;
        }

        var ticks = matches.Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
        {
            "h" => TimeSpan.TicksPerHour,
            "m" => TimeSpan.TicksPerMinute,
            "s" => TimeSpan.TicksPerSecond,
            "ms" => TimeSpan.TicksPerMillisecond,
            "us" or "µs" => 10,
            _ => 0.01,
        });
        return TimeSpan.FromTicks((long)(text.StartsWith('-') ? -ticks : ticks));
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
