using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// Reads a values file (a chart's values.yaml, a -ValuesFile) as Helm's loader.LoadValues does: every YAML document
/// of the stream must be a mapping (or empty), and the documents are merged in order, later ones winning.
/// </summary>
internal static class ValuesFileReader
{
    public static Dictionary<string, object?> Read(string text, string sourceName, string? chart = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var document in YamlDocumentReader.Read(text))
        {
            if (document.Error is { } error)
            {
                throw Invalid(sourceName, chart, error.Line, $"line {error.Line}, column {error.Column}: the YAML does not parse: {error.Message}", "error converting YAML to JSON");
            }

            if (document.IsEmpty || document.Root is YamlScalar { IsNull: true })
            {
                continue;
            }

            if (document.Root is not YamlMapping mapping)
            {
                var what = document.Root is YamlSequence ? "a list" : "a single value";
                throw Invalid(sourceName, chart, document.Root!.Line, $"line {document.Root.Line}: a values document must be a mapping of names to values, not {what}", "cannot unmarshal into Go value of type map[string]interface {}");
            }

            Dictionary<string, object?> current;
            try
            {
                current = ValuesYamlConverter.ToMap(mapping);
            }
            catch (FormatException e)
            {
                throw Invalid(sourceName, chart, null, e.Message, "error converting YAML to JSON");
            }

            values = ValuesTree.MergeMaps(values, current);
        }

        return values;
    }

    private static HelmException Invalid(string sourceName, string? chart, int? line, string detail, string helmWording)
    {
        var prefix = chart is null ? "" : $"chart '{chart}': ";
        return new HelmException(
            HelmErrorIds.ValuesInvalid,
            ErrorKind.InvalidData,
            $"{prefix}values file {sourceName} {detail} (Helm: {helmWording})",
            chart,
            sourceName,
            line);
    }
}
