namespace Sveltos.Engine.Helm.Sources;

/// <summary>URLs as errors and logs show them: without user information or query, which may hold secrets.</summary>
internal static class RedactedUrl
{
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return url;
        }

        var shown = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length > 1 ? shown + "?…" : shown;
    }

    public static string Of(Uri uri) => Of(uri.OriginalString);
}
