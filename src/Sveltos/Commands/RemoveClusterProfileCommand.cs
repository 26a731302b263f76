using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Remove, "ClusterProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
public sealed class RemoveClusterProfileCommand : FleetCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    private IFleet? opened;
    private SveltosFleet? fleet;
    private FleetProfiles? fleetProfiles;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[] Name { get; set; } = [];

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("ClusterProfile", "Profile")]
    public string? Kind { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterProfile[] InputObject { get; set; } = [];

    protected override void BeginProcessing()
    {
        fleet = ResolveFleet();
        opened = OpenFleet(fleet);
        try
        {
            fleetProfiles = Await(opened.GetProfilesAsync);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            foreach (var profile in InputObject)
            {
                var found = fleetProfiles!.Profiles.FirstOrDefault(p => p.Identity == profile.Identity);
                if (found is null)
                {
                    NotFound(profile.Identity, profile);
                }
                else
                {
                    Remove(found);
                }
            }

            return;
        }

        foreach (var name in Name)
        {
            var matches = fleetProfiles!.Profiles
                .Where(p => (Kind is null || p.Kind.ToString() == Kind)
                    && (Namespace is null || NameFilter.Matches(Namespace, p.Namespace ?? ""))
                    && NameFilter.Matches([name], p.Name))
                .ToList();
            foreach (var profile in matches)
            {
                Remove(profile);
            }

            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                NotFound(name, name);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            opened?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Remove(ClusterProfileDocument profile)
    {
        if (!ShouldProcess($"{profile.Identity} in {fleet!.Description}", "Remove"))
        {
            return;
        }

        try
        {
            Await(token => opened!.RemoveProfileAsync(profile, token));
            WriteVerbose($"Removed {profile.Identity} from {fleet.Description}.");
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, profile.Identity));
        }
    }

    private void NotFound(string shown, object target)
    {
        // A profile that exists but cannot be read is not "not found": it has to be fixed or deleted by hand.
        var invalid = fleetProfiles!.InvalidIdentities.Contains(shown) || fleetProfiles.InvalidIdentities.Any(i => i.EndsWith("/" + shown, StringComparison.Ordinal));
        WriteError(invalid
            ? ErrorRecords.Create(
                "ProfileInvalid",
                ErrorCategory.InvalidData,
                $"Profile '{shown}' in {fleet!.Description} is invalid and cannot be removed by name.",
                target,
                "Run Get-ClusterProfile to see its problems; fix the document or delete it from the fleet by hand.")
            : ErrorRecords.Create(
                "ProfileNotFound",
                ErrorCategory.ObjectNotFound,
                $"Profile '{shown}' was not found in {fleet!.Description}.",
                target,
                "Run Get-ClusterProfile to list the profiles that exist."));
    }
}
