using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Store;

/// <summary>A parsed field selector (=, ==, !=) over the fields the API server indexes: metadata.name, metadata.namespace and a few per kind.</summary>
internal sealed class FieldSelector
{
    private sealed record Requirement(string Field, bool Equal, string Value);

    private static readonly Dictionary<string, string[]> KindFields = new(StringComparer.Ordinal)
    {
        ["Pod"] = ["spec.nodeName", "status.phase", "spec.serviceAccountName", "spec.restartPolicy"],
        ["Secret"] = ["type"],
        ["Event"] = ["involvedObject.kind", "involvedObject.name", "involvedObject.namespace", "involvedObject.uid", "reason", "type"],
        ["Namespace"] = ["status.phase"],
        ["Node"] = ["spec.unschedulable"],
        ["Job"] = ["status.successful"],
    };

    private readonly IReadOnlyList<Requirement> _requirements;

    private FieldSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    /// <summary>The name the selector pins, letting a list skip straight to one object.</summary>
    public string? ExactName => _requirements.FirstOrDefault(r => r.Field == "metadata.name" && r.Equal)?.Value;

    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var clause in text.Split(','))
        {
            var (op, at) = clause.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? ("!=", ne)
                : clause.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? ("==", ee)
                : ("=", clause.IndexOf('='));
            if (at <= 0)
            {
                throw new FormatException($"invalid selector: '{text}'; can't understand '{clause}'");
            }
            var field = clause[..at].Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !(KindFields.TryGetValue(kind, out var allowed) && allowed.Contains(field)))
            {
                throw new FormatException($"field label not supported: {field}");
            }
            requirements.Add(new Requirement(field, op != "!=", clause[(at + op.Length)..].Trim()));
        }
        return new FieldSelector(requirements);
    }

    public bool Matches(StoredObject obj)
    {
        JsonObject? parsed = null;
        foreach (var r in _requirements)
        {
            var actual = r.Field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace,
                _ => Lookup(parsed ??= obj.ToNode(), r.Field),
            };
            if ((actual == r.Value) != r.Equal)
            {
                return false;
            }
        }
        return true;
    }

    private static string Lookup(JsonObject obj, string path)
    {
        JsonNode? current = obj;
        foreach (var part in path.Split('.'))
        {
            current = (current as JsonObject)?[part];
        }
        return current is JsonValue v ? v.ToString() : "";
    }
}
