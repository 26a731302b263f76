using System.Management.Automation;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;

namespace Sveltos.Infrastructure;

/// <summary>
/// The one place a cmdlet turns the profiles it was asked for (-Name, -Profile: names such as <c>web</c>,
/// identities such as <c>Profile/team-a/web</c>, wildcards allowed) into profiles, and reports the names that
/// match nothing: ProfileNotFound, or ProfileInvalid with its problems when the fleet holds that profile but
/// cannot read it.
/// </summary>
internal sealed class ProfileSelection(IReadOnlyCollection<string>? patterns)
{
    private readonly IReadOnlyCollection<string> patterns = patterns ?? [];

    /// <summary>True when no names were given: every profile.</summary>
    public bool Everything => patterns.Count == 0;

    /// <summary>True when a profile of <paramref name="identity"/> (ClusterProfile/web, Profile/ns/web) is selected.</summary>
    public bool Matches(string identity) => Everything || patterns.Any(p => Matches(p, identity));

    public bool Matches(ProfileRef profile) => Matches(ProfileRefs.Identity(profile));

    /// <summary>
    /// The valid profiles of the fleet the names select, in the fleet's order. A profile of the fleet that the names
    /// select but that cannot be read is ProfileInvalid, with its problems (<paramref name="invalidMeans"/> says what
    /// that stops; null when the caller already reported every invalid profile); a name without wildcards that
    /// selects nothing at all is ProfileNotFound.
    /// </summary>
    public List<ClusterProfileDocument> Select(FleetCmdlet cmdlet, FleetProfiles fleet, string fleetDescription, string? invalidMeans)
    {
        var selected = fleet.Profiles.Where(p => Matches(p.Identity)).ToList();
        var invalid = fleet.InvalidIdentities.Where(i => !Everything && Matches(i) && fleet.Profiles.All(p => p.Identity != i)).Order(StringComparer.Ordinal).ToList();
        foreach (var identity in invalidMeans is null ? [] : invalid)
        {
            ReportInvalid(cmdlet, fleet, identity, fleetDescription, invalidMeans!);
        }

        foreach (var literal in Literals().Where(l => !selected.Any(p => Matches(l, p.Identity)) && !invalid.Any(i => Matches(l, i))))
        {
            ReportNotFound(cmdlet, literal, fleet, [], fleetDescription);
        }

        return selected;
    }

    /// <summary>
    /// ProfileNotFound for each name without wildcards that names no profile of the fleet (valid or not) and none
    /// of <paramref name="deployed"/> (identities of profiles that deployed something): for cmdlets that read what
    /// was deployed, which a profile since removed from the fleet may still have.
    /// </summary>
    public void ReportUnknown(SveltosCmdlet cmdlet, FleetProfiles fleet, IReadOnlyCollection<string> deployed, string fleetDescription)
    {
        var known = fleet.Profiles.Select(p => p.Identity).Concat(fleet.InvalidIdentities).Concat(deployed).ToList();
        foreach (var literal in Literals().Where(l => !known.Any(k => Matches(l, k))))
        {
            ReportNotFound(cmdlet, literal, fleet, deployed, fleetDescription);
        }
    }

    /// <summary>True when some name without wildcards selects nothing among <paramref name="identities"/>.</summary>
    public bool Misses(IEnumerable<string> identities)
    {
        var known = identities.ToList();
        return Literals().Any(l => !known.Any(k => Matches(l, k)));
    }

    private IEnumerable<string> Literals() => patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p));

    // A pattern with a slash is matched against the identity, one without against the name.
    private static bool Matches(string pattern, string identity) =>
        WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(pattern.Contains('/', StringComparison.Ordinal) ? identity : identity[(identity.LastIndexOf('/') + 1)..]);

    private static void ReportNotFound(SveltosCmdlet cmdlet, string name, FleetProfiles fleet, IEnumerable<string> deployed, string fleetDescription)
    {
        var candidates = fleet.Profiles.Select(p => p.Identity).Concat(fleet.InvalidIdentities).Concat(deployed)
            .Select(i => name.Contains('/', StringComparison.Ordinal) ? i : i[(i.LastIndexOf('/') + 1)..]);
        cmdlet.WriteError(ErrorRecords.Create(
            "ProfileNotFound",
            ErrorCategory.ObjectNotFound,
            $"Profile '{name}' was not found in {fleetDescription}.{NameSuggestions.DidYouMean(name, candidates)}",
            name,
            "Run Get-ClusterProfile to list the profiles of the fleet."));
    }

    private static void ReportInvalid(FleetCmdlet cmdlet, FleetProfiles fleet, string identity, string fleetDescription, string invalidMeans)
    {
        var problems = fleet.ProblemsOf(identity);
        var details = problems.Count == 0 ? "" : ":" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p.Message));
        cmdlet.WriteError(
            ErrorRecords.Create(
                "ProfileInvalid",
                ErrorCategory.InvalidData,
                $"{identity} in {fleetDescription} is invalid and {invalidMeans}{details}",
                identity,
                "Correct the profile where the problems point; until then, what it deployed is left as deployed."),
            ProfileProblems.Annotations(cmdlet, problems));
    }
}
