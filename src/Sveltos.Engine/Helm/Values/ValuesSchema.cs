using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// values.schema.json validation as Helm's ValidateAgainstSchema: each chart's schema checks that chart's own values
/// (the root against .Values, a subchart against .Values.&lt;name&gt;), and every violation of every chart is reported
/// in one error: "values don't meet the specifications of the schema(s) in the following chart(s):" then, per chart,
/// its name and one "- at '/path': message (keyword)" line per violation. A schema without $schema is read as draft
/// 2020-12, as Helm does; draft-04 schemas are translated.
/// </summary>
public static class ValuesSchema
{
    /// <exception cref="HelmException">A value violates a schema, or a schema cannot be read.</exception>
    public static void Validate(Chart chart, Dictionary<string, object?> values)
    {
        var report = new StringBuilder();
        Collect(chart, values, report);
        if (report.Length > 0)
        {
            throw new HelmException(HelmErrorIds.SchemaViolation, ErrorKind.InvalidData,
                "values don't meet the specifications of the schema(s) in the following chart(s):\n" + report.ToString().TrimEnd('\n'),
                chart.ChartFullPath, $"{chart.ChartFullPath}/values.schema.json",
                recommendedAction: "Change the values (-Values, -ValuesFile, -Set) so they satisfy the chart's values.schema.json.");
        }
    }

    /// <summary>The violations of one schema by one values tree, one line each; empty when the values are valid.</summary>
    public static IReadOnlyList<string> Violations(byte[] schemaJson, Dictionary<string, object?> values, string sourceName)
    {
        var schema = Build(schemaJson, sourceName);
        var instance = JsonDocument.Parse(GoValues.ToJson(values)!.ToJsonString()).RootElement;
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var result in new[] { results }.Concat(results.Details ?? []))
        {
            foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
            {
                lines.Add($"- at '{result.InstanceLocation}': {message} ({keyword})");
            }
        }

        return lines.Distinct().ToList();
    }

    private static void Collect(Chart chart, Dictionary<string, object?> values, StringBuilder report)
    {
        if (chart.Schema is { } schema)
        {
            var violations = Violations(schema, values, $"{chart.ChartFullPath}/values.schema.json");
            if (violations.Count > 0)
            {
                report.Append(chart.Name).Append(":\n");
                foreach (var line in violations)
                {
                    report.Append(line).Append('\n');
                }
            }
        }

        foreach (var subchart in chart.Dependencies)
        {
            var subValues = values.GetValueOrDefault(subchart.Name) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
            Collect(subchart, subValues, report);
        }
    }

    /// <summary>
    /// The validator knows each draft by one exact URI; charts write them with https, without '#', and so on. An
    /// unknown meta-schema falls back to the default draft.
    /// </summary>
    private static string CanonicalMetaSchema(string uri) => uri switch
    {
        _ when uri.Contains("draft-06", StringComparison.Ordinal) => "http://json-schema.org/draft-06/schema#",
        _ when uri.Contains("draft-07", StringComparison.Ordinal) => "http://json-schema.org/draft-07/schema#",
        _ when uri.Contains("2019-09", StringComparison.Ordinal) => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };

    private static JsonSchema Build(byte[] schemaJson, string sourceName)
    {
        try
        {
            var node = JsonNode.Parse(schemaJson);
            if (Draft4SchemaTranslation.IsDraft4(node))
            {
                Draft4SchemaTranslation.Translate((JsonObject)node!);
            }
            else if (node is JsonObject obj && obj["$schema"] is JsonValue declared && declared.TryGetValue<string>(out var uri))
            {
                obj["$schema"] = CanonicalMetaSchema(uri);
            }

            // Each chart's schema is its own document at file:///values.schema.json, as Helm compiles it; a root $id
            // would register it globally, and the same subchart (under two aliases) would collide with itself.
            (node as JsonObject)?.Remove("$id");
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
            return JsonSchema.FromText(node?.ToJsonString() ?? "null", options, new Uri("file:///values.schema.json"));
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            throw new HelmException(HelmErrorIds.SchemaViolation, ErrorKind.InvalidData,
                $"{sourceName} is not a usable JSON schema: {e.Message}", sourceName, sourceName);
        }
    }
}
