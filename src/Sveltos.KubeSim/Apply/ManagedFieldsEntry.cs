using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Apply;

/// <summary>One metadata.managedFields entry: a manager's identity and the fields it owns.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, string Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>Appliers keep one entry whatever the apiVersion; updaters get one per apiVersion, as in Kubernetes.</summary>
    public bool SameManagerAs(string manager, string operation, string apiVersion, string subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource && (operation == Apply || ApiVersion == apiVersion);

    /// <summary>How conflict messages name this manager: "kubectl" or "kubectl-edit" using v1.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (Subresource.Length > 0)
        {
            text += $" with subresource \"{Subresource}\"";
        }
        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }

    public static List<ManagedFieldsEntry> Decode(JsonArray? entries)
    {
        var result = new List<ManagedFieldsEntry>();
        foreach (var entry in entries?.OfType<JsonObject>() ?? [])
        {
            var manager = entry.GetString("manager");
            if (string.IsNullOrEmpty(manager))
            {
                continue;
            }
            result.Add(new ManagedFieldsEntry(
                manager,
                entry.GetString("operation") ?? Update,
                entry.GetString("apiVersion") ?? "",
                entry.GetString("time"),
                entry.GetString("subresource") ?? "",
                FieldSet.FromFieldsV1(entry.GetObject("fieldsV1"))));
        }
        return result;
    }

    public static JsonArray Encode(IEnumerable<ManagedFieldsEntry> entries)
    {
        var result = new JsonArray();
        foreach (var e in entries)
        {
            var entry = new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
            };
            if (e.Time is not null)
            {
                entry["time"] = e.Time;
            }
            entry["fieldsType"] = "FieldsV1";
            entry["fieldsV1"] = e.Fields.ToFieldsV1();
            if (e.Subresource.Length > 0)
            {
                entry["subresource"] = e.Subresource;
            }
            result.Add(entry);
        }
        return result;
    }
}
