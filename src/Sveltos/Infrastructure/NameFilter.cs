using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>Case-insensitive wildcard name filters, as -Name parameters use them.</summary>
internal static class NameFilter
{
    /// <summary>True when no patterns are given or any pattern matches.</summary>
    public static bool Matches(IReadOnlyCollection<string>? patterns, string value) =>
        patterns is null || patterns.Count == 0 || patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase).IsMatch(value));
}
