using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Api;

/// <summary>The validation the API server applies to every object: name, labels, and a few per-kind rules.</summary>
internal static class ObjectValidator
{
    public static void Validate(ResourceType type, JsonObject obj)
    {
        var errors = new List<FieldError>();
        var metadata = obj.Metadata();
        var name = metadata.GetString("name") ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else if (ObjectNames.Problem(type.Kind, type.Group, name) is { } problem)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, problem));
        }
        foreach (var (key, value) in metadata.GetStringMap("labels"))
        {
            if (ObjectNames.LabelProblem(key, value) is { } labelProblem)
            {
                errors.Add(FieldError.Invalid($"metadata.labels", key + "=" + value, labelProblem));
            }
        }
        if (type.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" && !type.IsCustom)
        {
            ValidateWorkload(obj, errors);
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type.Group, type.Kind, name, errors);
        }
    }

    private static void ValidateWorkload(JsonObject obj, List<FieldError> errors)
    {
        var spec = obj.GetObject("spec");
        var selector = spec?.GetObject("selector");
        if (selector is null)
        {
            errors.Add(FieldError.Required("spec.selector"));
            return;
        }
        var templateLabels = spec!.GetObject("template")?.Metadata().GetStringMap("labels") ?? [];
        var matchLabels = selector.GetStringMap("matchLabels");
        if (matchLabels.Any(p => !templateLabels.TryGetValue(p.Key, out var v) || v != p.Value))
        {
            errors.Add(FieldError.Invalid("spec.template.metadata.labels", string.Join(",", templateLabels.Select(p => $"{p.Key}:{p.Value}")), "`selector` does not match template `labels`"));
        }
        if (spec!.GetObject("template")?.GetObject("spec")?.GetArray("containers") is not { Count: > 0 })
        {
            errors.Add(FieldError.Required("spec.template.spec.containers"));
        }
    }
}
