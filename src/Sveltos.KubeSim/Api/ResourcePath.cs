namespace Sveltos.KubeSim.Api;

/// <summary>
/// A parsed resource URL: /api/v1/... or /apis/{group}/{version}/..., then [watch/][namespaces/{ns}/]{resource}[/{name}[/{subresource}]].
/// </summary>
internal sealed record ResourcePath(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool LegacyWatch)
{
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        int rest;
        string group, version;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }
        var parts = segments[rest..].Select(Uri.UnescapeDataString).ToArray();
        var watch = parts.Length > 0 && parts[0] == "watch";
        if (watch)
        {
            parts = parts[1..];
        }
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
        {
            return null;
        }
        if (parts[0] == "namespaces" && parts.Length >= 3 && !(parts.Length == 3 && parts[2] is "status" or "finalize"))
        {
            return parts.Length > 5 ? null : new ResourcePath(group, version, parts[1], parts[2], At(parts, 3), At(parts, 4), watch);
        }
        return parts.Length > 3 ? null : new ResourcePath(group, version, null, parts[0], At(parts, 1), At(parts, 2), watch);
    }

    private static string? At(string[] parts, int index) => index < parts.Length ? parts[index] : null;
}
