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

    /// <summary>What is wrong with the profile <paramref name="identity"/> names; empty when it is valid or unknown.</summary>
    public IReadOnlyList<ProfileProblem> ProblemsOf(string identity) => ProblemsByIdentity.TryGetValue(identity, out var found) ? found : [];

    private IReadOnlyDictionary<string, IReadOnlyList<ProfileProblem>> ProblemsByIdentity { get; init; } = new Dictionary<string, IReadOnlyList<ProfileProblem>>();

    public static FleetProfiles From(IEnumerable<ProfileImportResult> results)
    {
        var profiles = new List<ClusterProfileDocument>();
        var problems = new List<ProfileProblem>();
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var byIdentity = new Dictionary<string, List<ProfileProblem>>(StringComparer.Ordinal);
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
            var identity = result switch
            {
                { Kind: "ClusterProfile", Name: { Length: > 0 } name } => $"ClusterProfile/{name}",
                { Kind: "Profile", Name: { Length: > 0 } name } => $"Profile/{result.Namespace}/{name}",
                _ => null,
            };
            if (identity is null)
            {
                complete = false;
                continue;
            }

            invalid.Add(identity);
            Add(identity, result.Problems);
        }

        var duplicates = ProfileImporter.FindDuplicateNames(profiles);
        problems.AddRange(duplicates);
        foreach (var duplicate in duplicates)
        {
            Add(profiles.First(p => p.Source == duplicate.Source && p.DocumentIndex == duplicate.DocumentIndex).Identity, [duplicate]);
        }

        return new FleetProfiles(profiles, problems, invalid, complete && duplicates.Count == 0)
        {
            ProblemsByIdentity = byIdentity.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ProfileProblem>)kv.Value, StringComparer.Ordinal),
        };

        void Add(string identity, IEnumerable<ProfileProblem> found)
        {
            if (!byIdentity.TryGetValue(identity, out var list))
            {
                byIdentity[identity] = list = [];
            }

            list.AddRange(found);
        }
    }
}
