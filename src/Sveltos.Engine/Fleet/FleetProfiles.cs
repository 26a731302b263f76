using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// The profiles a fleet holds, and those it could not read. A profile that exists but is invalid is
/// never mistaken for one that was removed: its identity is kept in <see cref="InvalidIdentities"/>,
/// and when a document could not even be identified <see cref="Complete"/> is false.
/// </summary>
public sealed record FleetProfiles(
    IReadOnlyList<ClusterProfileDocument> Profiles,
    IReadOnlyList<ProfileProblem> Problems,
    IReadOnlySet<string> InvalidIdentities,
    bool Complete)
{
    /// <summary>True when <paramref name="identity"/> (ClusterProfile/x, Profile/ns/x) exists in the fleet, valid or not.</summary>
    public bool Exists(string identity) => InvalidIdentities.Contains(identity) || Profiles.Any(p => p.Identity == identity);

    public static FleetProfiles From(IEnumerable<ProfileImportResult> results)
    {
        var profiles = new List<ClusterProfileDocument>();
        var problems = new List<ProfileProblem>();
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        foreach (var result in results)
        {
            if (result.Profile is { } profile)
            {
                profiles.Add(profile);
                continue;
            }

            if (result.Outcome != ImportOutcome.Invalid)
            {
                continue;
            }

            problems.AddRange(result.Problems);
            if (result.Kind is "ClusterProfile" && result.Name is { Length: > 0 } name)
            {
                invalid.Add($"ClusterProfile/{name}");
            }
            else if (result.Kind is "Profile" && result.Name is { Length: > 0 } pname)
            {
                invalid.Add($"Profile/{result.Namespace}/{pname}");
            }
            else
            {
                complete = false;
            }
        }

        var duplicates = ProfileImporter.FindDuplicateNames(profiles);
        problems.AddRange(duplicates);
        return new FleetProfiles(profiles, problems, invalid, complete && duplicates.Count == 0);
    }
}
