using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// The fields of a valid profile that the module reads but does not act on yet. A sync reports each as a
/// per-cluster NotSupported error and changes nothing of the profile there, so a profile never looks
/// deployed when part of it was skipped; the cmdlets that write profiles warn about each.
/// </summary>
/// <remarks>
/// Everything else the schema accepts is honoured: clusterSelector, clusterRefs, syncMode, tier, continueOnConflict,
/// continueOnError, maxUpdate, stopMatchingBehavior, dependsOn, policyRefs and kustomizationRefs from every source
/// kind (ConfigMap, Secret, Flux GitRepository/OCIRepository/Bucket, remoteURL; path, components, targetNamespace,
/// values, valuesFrom, deploymentType, optional, templated names), helmCharts (see <see cref="UnsupportedHelmFields"/>),
/// templateResourceRefs, driftExclusions, extraLabels and extraAnnotations. Fields Sveltos itself ignores are not
/// reported: the uid, resourceVersion and fieldPath of object references, and policyRefs[].path of a ConfigMap or Secret.
/// </remarks>
public static class UnsupportedFields
{
    public const string ErrorId = "NotSupported";

    // Every entry of these lists is content the module does not deploy or a check it does not run.
    private static readonly Dictionary<string, string> EntryLists = new(StringComparer.Ordinal)
    {
        ["setRefs"] = "Selecting clusters through a ClusterSet or Set",
        ["validateHealths"] = "A health check after deployment",
        ["preDeployChecks"] = "A check before deployment",
        ["preDeleteChecks"] = "A check before withdrawal",
        ["postDeleteChecks"] = "A check after withdrawal",
        ["patches"] = "Patching the deployed objects",
        ["patchesFrom"] = "Patching the deployed objects with patches from a ConfigMap or Secret",
    };

    /// <summary>One problem per field (or list entry) that is set and not acted on, located at that field, in document order.</summary>
    public static IReadOnlyList<ProfileProblem> Find(ClusterProfileDocument profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var found = new List<(string Path, string What, YamlNode At)>();
        foreach (var (key, value) in TreeReader.Mapping(profile.Root, "spec")?.Entries ?? [])
        {
            var field = key.Text;
            switch (value)
            {
                case YamlSequence entries when EntryLists.TryGetValue(field, out var what):
                    found.AddRange(entries.Items.Select((entry, i) => ($"spec.{field}[{i}]", what, entry)));
                    break;
                case YamlSequence charts when field == "helmCharts":
                    foreach (var (entry, path) in Entries(charts, field))
                    {
                        found.AddRange(UnsupportedHelmFields.Find(entry, path));
                    }

                    break;
                case YamlSequence references when field == "templateResourceRefs":
                    foreach (var (entry, path) in Entries(references, field))
                    {
                        if (entry.Get("ignoreStatusChanges") is YamlScalar { Value: true } node)
                        {
                            found.Add(($"{path}.ignoreStatusChanges", "Ignoring status changes of a template resource", node));
                        }
                    }

                    break;
                case YamlScalar { Value: true } when field == "reloader":
                    found.Add(("spec.reloader", "Restarting workloads when a ConfigMap or Secret they mount changes (reloader)", value));
                    break;
                case YamlScalar { Value: long } when field == "maxConsecutiveFailures":
                    found.Add(("spec.maxConsecutiveFailures", "Stopping after a number of consecutive failures", value));
                    break;
            }
        }

        return found.Select(f => Problem(profile, f.Path, f.What, f.At)).ToList();
    }

    private static IEnumerable<(YamlMapping Entry, string Path)> Entries(YamlSequence list, string field)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlMapping entry)
            {
                yield return (entry, $"spec.{field}[{i}]");
            }
        }
    }

    private static ProfileProblem Problem(ClusterProfileDocument profile, string path, string what, YamlNode at)
    {
        var known = profile.PositionsKnown && at.Line > 0;
        return new ProfileProblem(
            ErrorId,
            profile.Source,
            profile.DocumentIndex,
            path,
            $"{what} is not supported by this version of the module, so a sync deploys nothing of {profile.Identity} to a cluster it matches and withdraws nothing of it there. Remove {path} from the profile, or wait for a version of the module that supports it.",
            known ? at.Line : null,
            known ? at.Column : null);
    }
}
