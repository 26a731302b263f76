using System.Text.Json.Nodes;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Json;

namespace Sveltos.KubeSim.Resources;

/// <summary>Reads a CustomResourceDefinition: validates it, derives the resource it serves, and fills in its status.</summary>
internal static class CustomResourceDefinitions
{
    public static void Validate(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var spec = crd.GetObject("spec");
        var names = spec?.GetObject("names");
        var group = spec?.GetString("group");
        var plural = names?.GetString("plural");
        if (string.IsNullOrEmpty(group))
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        if (string.IsNullOrEmpty(plural))
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        if (string.IsNullOrEmpty(names?.GetString("kind")))
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }
        if (spec?.GetString("scope") is not ("Namespaced" or "Cluster"))
        {
            errors.Add(FieldError.Unsupported("spec.scope", spec?.GetString("scope"), ["Cluster", "Namespaced"]));
        }
        var versions = spec?.GetArray("versions")?.OfType<JsonObject>().ToList() ?? [];
        if (versions.Count == 0)
        {
            errors.Add(FieldError.Required("spec.versions"));
        }
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", null, "must have exactly one version marked as storage version"));
        }
        var name = crd.Metadata().GetString("name");
        if (group is not null && plural is not null && name != plural + "." + group)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, $"must be spec.names.plural+\".\"+spec.group"));
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid("apiextensions.k8s.io", "CustomResourceDefinition", name ?? "", errors);
        }
    }

    public static ResourceType ToResourceType(JsonObject crd)
    {
        var spec = crd.GetObject("spec")!;
        var names = spec.GetObject("names")!;
        var versions = spec.GetArray("versions")!.OfType<JsonObject>().ToList();
        var served = versions.Where(v => v["served"]?.GetValue<bool>() != false).ToList();
        var storage = versions.First(v => v["storage"]?.GetValue<bool>() == true);
        var preferred = served.OrderBy(v => v.GetString("name"), VersionPriority.Instance).FirstOrDefault() ?? storage;
        return new ResourceType
        {
            Group = spec.GetString("group")!,
            Kind = names.GetString("kind")!,
            Plural = names.GetString("plural")!,
            SingularName = names.GetString("singular"),
            ListKindName = names.GetString("listKind"),
            ShortNames = Strings(names.GetArray("shortNames")),
            Categories = Strings(names.GetArray("categories")),
            Namespaced = spec.GetString("scope") == "Namespaced",
            Versions = served.Select(v => v.GetString("name")!).OrderBy(v => v, VersionPriority.Instance).ToList(),
            HasStatus = served.Any(v => v.GetObject("subresources")?.ContainsKey("status") == true),
            IsCustom = true,
            Schema = new CustomResourceSchema(storage.GetObject("schema")?.GetObject("openAPIV3Schema")),
            Columns = Columns(preferred.GetArray("additionalPrinterColumns")),
        };
    }

    /// <summary>The status the API server reports once a CRD's names are accepted and it is established.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now)
    {
        var spec = crd.GetObject("spec")!;
        var storage = spec.GetArray("versions")!.OfType<JsonObject>().First(v => v["storage"]?.GetValue<bool>() == true);
        var names = spec.GetObject("names")!.DeepClone().AsObject();
        names["singular"] ??= names.GetString("kind")!.ToLowerInvariant();
        names["listKind"] ??= names.GetString("kind") + "List";
        return new JsonObject
        {
            ["acceptedNames"] = names,
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = new JsonArray(JsonValue.Create(storage.GetString("name"))),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = message,
    };

    private static string[] Strings(JsonArray? array) => array?.Select(n => n?.GetValue<string>() ?? "").ToArray() ?? [];

    private static IReadOnlyList<TableColumn> Columns(JsonArray? printerColumns)
    {
        if (printerColumns is null || printerColumns.Count == 0)
        {
            return BuiltInColumns.NameAge;
        }
        var columns = new List<TableColumn> { BuiltInColumns.Name };
        foreach (var column in printerColumns.OfType<JsonObject>())
        {
            var path = column.GetString("jsonPath") ?? "";
            var isDate = column.GetString("type") == "date";
            columns.Add(new TableColumn(
                column.GetString("name") ?? path,
                isDate ? "string" : column.GetString("type") ?? "string",
                column.GetString("description") ?? "",
                o => isDate ? BuiltInColumns.AgeOf(SimpleJsonPath.Evaluate(o, path)?.ToString()) : SimpleJsonPath.Evaluate(o, path)?.DeepClone(),
                Priority: (int)(column.GetInt64("priority") ?? 0)));
        }
        return columns;
    }
}
