namespace Sveltos.Engine.Templates.Go.Crypto;

/// <summary>Go's base64.StdEncoding.DecodeString, with its error text.</summary>
internal static class Base64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static byte[] Decode(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new GoFunctionException($"illegal base64 data at input byte {FirstBadByte(text)}");
        }
    }

    /// <summary>Where Go's decoder stops: the first character outside the alphabet, a misplaced '=', or the missing end.</summary>
    private static int FirstBadByte(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                return i < text.Length - 2 || i % 4 < 2 ? i : text.Length;
            }

            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return text.Length - (text.Length % 4);
    }
}
