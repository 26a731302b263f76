using System.Text.RegularExpressions;
using Sveltos.Engine.Templates;

namespace Sveltos.Engine.Content;

/// <summary>
/// Tells a template that fails because another system has not done its part yet (a template resource
/// that does not exist, or lacks the field the template reads, such as status.atProvider.url) from a
/// template that is wrong. The first waits (Pending); the second is an error.
/// </summary>
internal static partial class TemplateWaits
{
    public static string? For(ContentRequest request, TemplateException error)
    {
        if (error.ErrorId is not (TemplateErrorIds.MissingKey or TemplateErrorIds.FunctionError))
        {
            return null;
        }

        // Go's messages cut the failing expression to 20 characters; the whole of it is read here.
        var text = error.Expression is null ? error.Message : $"{error.Message} <{error.Expression}>";

        // getResource "Bucket" and get_resource name it 'Bucket'; .MgmtResources.Bucket (Go) and resources.Bucket (Scriban) read it.
        if (request.MissingResources.FirstOrDefault(m => new[] { $"'{m.Identifier}'", $".MgmtResources.{m.Identifier}", $"resources.{m.Identifier}" }
                .Any(form => text.Contains(form, StringComparison.Ordinal))) is { } missing)
        {
            return missing.ToString();
        }

        // A fetched resource without the field asked for: resources.Bucket.status has no key 'atProvider'.
        if (FieldOfResource().Match(error.Message) is { Success: true } match && request.Resources.ContainsKey(match.Groups["id"].Value))
        {
            var field = $"{match.Groups["path"].Value}.{match.Groups["key"].Value}".TrimStart('.');
            return $"{match.Groups["id"].Value} to have {field}";
        }

        // The same in Go templates: at <(getResource "Bucket").status.atProvider.url>: map has no entry for key "atProvider".
        if (error.Expression is not null && GoFieldOfResource().Match($"<{error.Expression}>") is { Success: true } go && request.Resources.ContainsKey(go.Groups["id"].Value)
            && (error.Message.Contains("map has no entry for key", StringComparison.Ordinal) || error.Message.Contains("nil pointer evaluating", StringComparison.Ordinal)))
        {
            return $"{go.Groups["id"].Value} to have {go.Groups["path"].Value.TrimStart('.')}";
        }

        return null;
    }

    [GeneratedRegex(@"<(\(getResource ""(?<id>[^""]+)""\)|\.MgmtResources\.(?<id>[A-Za-z0-9_-]+))(?<path>[^>]*)>")]
    private static partial Regex GoFieldOfResource();

    [GeneratedRegex(@"'resources\.(?<id>[A-Za-z0-9_-]+)(?<path>(\.[^']*)?)' has no key '(?<key>[^']+)'")]
    private static partial Regex FieldOfResource();
}
