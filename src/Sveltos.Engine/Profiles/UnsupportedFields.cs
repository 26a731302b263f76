using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// The fields of a valid profile that the module reads but does not act on yet. A sync reports each as a
/// per-cluster NotSupported error and changes nothing of the profile there, so a profile never looks
/// deployed when part of it was skipped.
/// </summary>
public static class UnsupportedFields
{
    public const string ErrorId = "NotSupported";

    public static IReadOnlyList<ProfileProblem> Find(ClusterProfileDocument profile)
    {
        var problems = new List<ProfileProblem>();
        if (profile.Root.Get("spec") is not YamlMapping spec)
        {
            return problems;
        }

        foreach (var (field, what) in new[] { ("helmCharts", "Helm charts"), ("kustomizationRefs", "kustomize content") })
        {
            if (spec.Get(field) is YamlSequence entries)
            {
                for (var i = 0; i < entries.Items.Count; i++)
                {
                    problems.Add(new ProfileProblem(ErrorId, profile.Source, profile.DocumentIndex, $"spec.{field}[{i}]", $"{what} are not deployed by this version of the module", Known(entries.Items[i].Line), Known(entries.Items[i].Column)));
                }
            }
        }

        return problems;
    }

    private static int? Known(int position) => position > 0 ? position : null;
}
