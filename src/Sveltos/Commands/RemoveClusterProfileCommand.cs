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
        // Profiles given as objects are found by identity, so one read from another fleet removes the profile of that identity here.
        var names = ParameterSetName == InputObjectSet ? InputObject.Select(p => p.Identity).ToList() : Name.ToList();
        var inScope = ParameterSetName == InputObjectSet
            ? fleetProfiles!
            : fleetProfiles! with
            {
                Profiles = fleetProfiles.Profiles.Where(p => (Kind is null || p.Kind.ToString() == Kind) && (Namespace is null || NameFilter.Matches(Namespace, p.Namespace ?? ""))).ToList(),
            };
        foreach (var profile in new ProfileSelection(names).Select(this, inScope, fleet!.Description, "cannot be removed by name: fix the document, or delete it from the fleet by hand"))
        {
            Remove(profile);
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
}
