namespace Sveltos.KubeSim.Api;

/// <summary>Timestamps in the API server's format (RFC 3339, UTC, whole seconds).</summary>
internal static class Clock
{
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
