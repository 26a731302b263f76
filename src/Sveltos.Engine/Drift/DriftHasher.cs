using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Drift;

/// <summary>
/// The drift hash of a live object: a hash of the fields the module declared (see <see cref="DeclaredFields"/>),
/// after removing the profile's driftExclusions paths. Taken from the server's answer to the apply and again
/// from the live object later: a difference is drift. Hashes carry a scheme prefix, so hashes recorded by an
/// earlier version of the module are recognised as unknown instead of as drift.
/// </summary>
public static class DriftHasher
{
    /// <summary>An object carrying this annotation is never reported as drifted (as in Sveltos).</summary>
    public const string IgnoreAnnotation = "projectsveltos.io/driftDetectionIgnore";

    private const string Scheme = "declared:";

    public static string Hash(JsonObject live, IReadOnlyList<DriftExclusion>? exclusions) => Scheme + Deploy.ObjectHasher.Hash(View(live, exclusions));

    /// <summary>True for a hash this version computes; false for one recorded by an earlier version (or none).</summary>
    public static bool IsCurrent(string? hash) => hash?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    public static bool IsIgnored(JsonObject live) => KubeObject.Annotations(live).ContainsKey(IgnoreAnnotation);

    /// <summary>What the hash covers: the declared fields, exclusions removed.</summary>
    public static JsonObject View(JsonObject live, IReadOnlyList<DriftExclusion>? exclusions)
    {
        var view = DeclaredFields.Project(live);
        foreach (var exclusion in exclusions ?? [])
        {
            if (Applies(exclusion.Target, live))
            {
                foreach (var path in exclusion.Paths)
                {
                    Remove(view, path);
                }
            }
        }

        return view;
    }

    /// <summary>True when an exclusion's target (unset parts match everything) selects the object.</summary>
    public static bool Applies(PatchTarget? target, JsonObject live)
    {
        if (target is null)
        {
            return true;
        }

        var apiVersion = KubeObject.ApiVersion(live);
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        var version = apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return Matches(target.Group, group)
            && Matches(target.Version, version)
            && Matches(target.Kind, KubeObject.Kind(live))
            && Matches(target.Namespace, KubeObject.Namespace(live))
            && Matches(target.Name, KubeObject.Name(live))
            && (string.IsNullOrEmpty(target.LabelSelector) || LabelSelector.Parse(target.LabelSelector).Matches(KubeObject.Labels(live)))
            && (string.IsNullOrEmpty(target.AnnotationSelector) || LabelSelector.Parse(target.AnnotationSelector).Matches(KubeObject.Annotations(live)));
    }

    // Kustomize targets take regular expressions for names; a plain name is its own expression.
    private static bool Matches(string? pattern, string value) =>
        string.IsNullOrEmpty(pattern) || pattern == value || Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Removes the node at a JSON pointer (RFC 6901: /a/b/0, ~1 for '/', ~0 for '~'); a missing path is no error.</summary>
    internal static void Remove(JsonNode root, string pointer)
    {
        var tokens = pointer.TrimStart('/').Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (tokens.Length == 0 || (tokens.Length == 1 && tokens[0].Length == 0))
        {
            return;
        }

        JsonNode? parent = root;
        foreach (var token in tokens[..^1])
        {
            parent = Child(parent, token);
            if (parent is null)
            {
                return;
            }
        }

        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                // Removing would shift the later elements into the place of this one: blank it instead.
                array[index] = null;
                break;
        }
    }

    private static JsonNode? Child(JsonNode? node, string token) => node switch
    {
        JsonObject obj => obj[token],
        JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
        _ => null,
    };
}
