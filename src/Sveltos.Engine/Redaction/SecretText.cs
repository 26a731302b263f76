using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Redaction;

/// <summary>
/// Keeps Secret values out of error messages: errors about content held in a Secret lose the text that could quote
/// it, and errors of templates that read Secrets lose every value those Secrets hold.
/// </summary>
public static class SecretText
{
    public const string Withheld = "the details are withheld because the content is held in a Secret";

    /// <summary>
    /// Values shorter than this are replaced only where a message quotes them: replacing every "on" or "1" would make
    /// messages unreadable, and a message shows a value it names in quotes.
    /// </summary>
    private const int UnquotedMinimum = 6;

    /// <summary>The secret strings of the Secrets among <paramref name="objects"/>: each value as text, its lines, and its base64.</summary>
    public static IReadOnlyList<string> ValuesOf(IEnumerable<JsonObject> objects)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in objects.Where(SecretRedactor.IsSecret))
        {
            foreach (var (_, text) in Decode(secret))
            {
                values.Add(text);
                values.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
                values.UnionWith(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= UnquotedMinimum));
            }
        }

        values.Remove("");
        return values.OrderByDescending(v => v.Length).ToList();
    }

    /// <summary>The message with every secret string in it replaced by (redacted).</summary>
    public static string Scrub(string message, IReadOnlyList<string> secrets)
    {
        var text = new StringBuilder(message);
        foreach (var secret in secrets)
        {
            if (secret.Length >= UnquotedMinimum)
            {
                text.Replace(secret, SecretRedactor.Redacted);
            }
            else
            {
                text.Replace($"\"{secret}\"", $"\"{SecretRedactor.Redacted}\"").Replace($"'{secret}'", $"'{SecretRedactor.Redacted}'");
            }
        }

        return text.ToString();
    }

    /// <summary>A template error without any of <paramref name="secrets"/>; the error itself when it holds none.</summary>
    public static TemplateException Scrub(TemplateException error, IReadOnlyList<string> secrets)
    {
        var problem = Scrub(error.Problem, secrets);
        return problem == error.Problem
            ? error
            : new TemplateException(error.ErrorId, error.Kind, error.SourceName, error.Line, error.Column, problem, error.RecommendedAction);
    }

    /// <summary>An error about content held in a Secret: the ErrorId, the source and the position stay, the problem's text goes.</summary>
    public static TemplateException Withhold(TemplateException error) =>
        new(error.ErrorId, error.Kind, error.SourceName, error.Line, error.Column, $"{What(error.ErrorId)}; {Withheld}", error.RecommendedAction);

    private static string What(string errorId) => errorId switch
    {
        TemplateErrorIds.SyntaxError => "the template is not valid",
        TemplateErrorIds.MissingKey => "the template reads data that does not exist",
        TemplateErrorIds.Forbidden => "the template tried to reach outside its data",
        TemplateErrorIds.LimitExceeded => "the template reached a limit",
        TemplateErrorIds.Timeout => "the template took too long",
        TemplateErrorIds.FunctionError => "a function failed on its arguments",
        _ => "the template failed",
    };

    private static IReadOnlyDictionary<string, string> Decode(JsonObject secret)
    {
        try
        {
            return SecretData.Decode(secret);
        }
        catch (FormatException)
        {
            // Data that is not base64 cannot be decoded; it is a secret string as it stands.
            return secret["data"] is JsonObject data
                ? data.ToDictionary(kv => kv.Key, kv => Kube.KubeObject.Text(kv.Value))
                : new Dictionary<string, string>();
        }
    }
}
