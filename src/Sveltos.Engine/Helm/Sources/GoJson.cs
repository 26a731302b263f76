namespace Sveltos.Engine.Helm.Sources;

/// <summary>Go's encoding/json escapes &lt;, &gt; and &amp; (they only ever occur inside strings).</summary>
internal static class GoJson
{
    public static byte[] HtmlSafe(byte[] json)
    {
        if (!json.Any(b => b is (byte)'<' or (byte)'>' or (byte)'&'))
        {
            return json;
        }

        var result = new List<byte>(json.Length + 32);
        foreach (var b in json)
        {
            result.AddRange(b switch
            {
                (byte)'<' => "\\u003c"u8.ToArray(),
                (byte)'>' => "\\u003e"u8.ToArray(),
                (byte)'&' => "\\u0026"u8.ToArray(),
                _ => [b],
            });
        }

        return [.. result];
    }
}
