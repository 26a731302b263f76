using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.Get, "ClusterProfile")]
[OutputType(typeof(ClusterProfile))]
public sealed class GetClusterProfileCommand : FleetCmdlet
{
    private readonly HashSet<string> written = new(StringComparer.Ordinal);
    private FleetProfiles? fleetProfiles;
    private bool reportedAll;
    private SveltosFleet? fleet;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("ClusterProfile", "Profile")]
    public string? Kind { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    protected override void BeginProcessing()
    {
        fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        try
        {
            fleetProfiles = Await(opened.GetProfilesAsync);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        // Asked for some profiles by name, it reports only those of them that are invalid; asked for all, every problem.
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(Name)))
        {
            foreach (var problems in ProfileProblems.PerDocument(fleetProfiles!.Problems))
            {
                ProfileProblems.Report(this, problems);
            }

            reportedAll = true;
        }
    }

    protected override void ProcessRecord()
    {
        var inScope = fleetProfiles!.Profiles
            .Where(p => (Kind is null || p.Kind.ToString() == Kind) && (Namespace is null || NameFilter.Matches(Namespace, p.Namespace ?? "")))
            .OrderBy(p => p.Kind)
            .ThenBy(p => p.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        if (Name is null)
        {
            Write(inScope);
            return;
        }

        Write(new ProfileSelection(Name).Select(this, fleetProfiles with { Profiles = inScope }, fleet!.Description, reportedAll ? null : "cannot be read"));
    }

    // A fleet directory names its files as <folder name>/<path below it>.
    private string FileOf(ClusterProfileDocument profile)
    {
        var root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(fleet!.Path!));
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(root) ?? root, profile.Source));
    }

    private void Write(IEnumerable<ClusterProfileDocument> profiles)
    {
        foreach (var profile in profiles.Where(p => written.Add(p.Identity)))
        {
            var inDirectory = fleet!.Kind == nameof(FleetKind.Directory);
            var source = inDirectory ? ProfileMapper.Location(profile) : profile.Source;
            WriteObject(ProfileMapper.ToOutput(profile, source, inDirectory ? FileOf(profile) : null, fleet.Description));
        }
    }
}
