using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Redaction;

/// <summary>
/// Secret values never leave the module. Every path that shows a Secret (the diffs of -WhatIf, DryRun profiles and
/// drift, the preview of Expand-ClusterProfile) shows it through here: its keys, and per key what happens to the
/// value, never the value itself nor a hash of it that could be guessed offline (the annotations kubectl and Sveltos
/// write hold one or the other).
/// </summary>
public static class SecretRedactor
{
    /// <summary>A value that is shown as absent from view.</summary>
    public const string Redacted = "(redacted)";

    public const string Unchanged = "(unchanged)";

    /// <summary>The new side of a value that changes; the old side reads <see cref="OldValue"/>.</summary>
    public const string Changed = "(value changed)";

    public const string OldValue = "(old value)";

    public const string Added = "(added)";

    public const string Removed = "(removed)";

    /// <summary>kubectl apply keeps the whole Secret, values included, in this annotation.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly string[] ValueAnnotations = [LastAppliedAnnotation, Tracking.Hash];

    public static bool IsSecret(JsonObject? obj) =>
        obj is not null && KubeObject.Kind(obj) == "Secret" && KubeObject.ApiVersion(obj) == "v1";

    /// <summary>A copy of a Secret with its keys and no values; any other object as it is.</summary>
    public static JsonObject Redact(JsonObject obj)
    {
        if (!IsSecret(obj))
        {
            return obj;
        }

        var copy = (JsonObject)obj.DeepClone();
        var values = TakeValues(copy);
        if (values.Count > 0 || obj.ContainsKey("data") || obj.ContainsKey("stringData"))
        {
            copy["data"] = Map(values.Keys.Select(k => (k, Redacted)));
        }

        var annotations = copy["metadata"]?["annotations"] as JsonObject;
        foreach (var name in ValueAnnotations.Where(n => annotations?.ContainsKey(n) == true))
        {
            annotations![name] = Redacted;
        }

        return copy;
    }

    /// <summary>
    /// Both sides of a diff of one object (null: it does not exist on that side). For a Secret, each value becomes
    /// what happens to it: unchanged, (old value) against (value changed), added or removed. stringData is compared
    /// as the data it becomes, so a key written as stringData with the value the live data holds is unchanged.
    /// </summary>
    public static (JsonObject? Before, JsonObject? After) ForDiff(JsonObject? before, JsonObject? after)
    {
        if (!IsSecret(before) && !IsSecret(after))
        {
            return (before, after);
        }

        var oldSide = before?.DeepClone() as JsonObject;
        var newSide = after?.DeepClone() as JsonObject;
        var oldValues = oldSide is null ? [] : TakeValues(oldSide);
        var newValues = newSide is null ? [] : TakeValues(newSide);
        var (oldMarks, newMarks) = Compare(oldValues, newValues);
        if (oldSide is not null && oldMarks.Count > 0)
        {
            oldSide["data"] = Map(oldMarks);
        }

        if (newSide is not null && newMarks.Count > 0)
        {
            newSide["data"] = Map(newMarks);
        }

        var oldAnnotations = Annotations(oldSide);
        var newAnnotations = Annotations(newSide);
        var (oldAnnotationMarks, newAnnotationMarks) = Compare(Pick(oldAnnotations), Pick(newAnnotations));
        foreach (var (name, mark) in oldAnnotationMarks)
        {
            oldAnnotations![name] = mark;
        }

        foreach (var (name, mark) in newAnnotationMarks)
        {
            newAnnotations![name] = mark;
        }

        return (oldSide, newSide);
    }

    /// <summary>Removes data and stringData from a Secret, returning its values as data holds them (base64), by key.</summary>
    private static SortedDictionary<string, string> TakeValues(JsonObject secret)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (secret["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                values[key] = KubeObject.Text(value);
            }
        }

        // The API server merges stringData into data, stringData winning; it is never stored.
        if (secret["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                values[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(KubeObject.Text(value)));
            }
        }

        secret.Remove("data");
        secret.Remove("stringData");
        return values;
    }

    private static (List<(string Key, string Mark)> Old, List<(string Key, string Mark)> New) Compare(
        IReadOnlyDictionary<string, string> oldValues, IReadOnlyDictionary<string, string> newValues)
    {
        var oldMarks = new List<(string, string)>();
        var newMarks = new List<(string, string)>();
        foreach (var key in oldValues.Keys.Union(newValues.Keys).Order(StringComparer.Ordinal))
        {
            var inOld = oldValues.TryGetValue(key, out var oldValue);
            var inNew = newValues.TryGetValue(key, out var newValue);
            if (inOld && inNew)
            {
                var same = oldValue == newValue;
                oldMarks.Add((key, same ? Unchanged : OldValue));
                newMarks.Add((key, same ? Unchanged : Changed));
            }
            else if (inOld)
            {
                oldMarks.Add((key, Removed));
            }
            else
            {
                newMarks.Add((key, Added));
            }
        }

        return (oldMarks, newMarks);
    }

    private static JsonObject? Annotations(JsonObject? obj) => obj?["metadata"]?["annotations"] as JsonObject;

    private static SortedDictionary<string, string> Pick(JsonObject? annotations) =>
        new(ValueAnnotations.Where(n => annotations?.ContainsKey(n) == true).ToDictionary(n => n, n => KubeObject.Text(annotations![n])), StringComparer.Ordinal);

    private static JsonObject Map(IEnumerable<(string Key, string Mark)> marks)
    {
        var map = new JsonObject();
        foreach (var (key, mark) in marks)
        {
            map[key] = mark;
        }

        return map;
    }
}
