using System.Management.Automation;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Save, "ClusterProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterProfile))]
public sealed class SaveClusterProfileCommand : FleetCmdlet
{
    private readonly List<(ClusterProfile Profile, ClusterProfileDocument Document)> received = [];
    private bool invalid;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterProfile[] InputObject { get; set; } = [];

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var profile in InputObject)
        {
            try
            {
                var document = ProfileMapper.ToDocument(profile);
                UnsupportedFieldWarnings.Write(this, document);
                received.Add((profile, document));
            }
            catch (ProfileValidationException e)
            {
                invalid = true;
                ProfileProblems.Report(this, e.Problems, profile);
            }
        }
    }

    // Saving waits for the whole input: a set with an invalid profile or two profiles of one name is
    // refused as a whole, so the fleet never holds half of it.
    protected override void EndProcessing()
    {
        var duplicates = ProfileImporter.FindDuplicateNames(received.Select(r => r.Document));
        foreach (var problem in duplicates)
        {
            ProfileProblems.Report(this, [problem]);
        }

        if (invalid || duplicates.Count > 0)
        {
            WriteVerbose("Nothing was saved: correct the profiles reported above.");
            return;
        }

        if (received.Count == 0)
        {
            return;
        }

        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        if (opened.IsReadOnly)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "FleetReadOnly",
                ErrorCategory.InvalidOperation,
                $"Profiles cannot be saved to {fleet.Description}.",
                fleet.Description,
                "Connect a fleet directory or a management cluster with Connect-SveltosFleet, or pass -FleetPath or -ManagementContext."));
        }

        FleetProfiles existing = null!;
        IReadOnlyList<CrdDefinition> declined = [];
        try
        {
            existing = Await(opened.GetProfilesAsync);
            if (opened is ManagementClusterFleet management)
            {
                declined = InstallCrds(management, fleet);
            }
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        foreach (var (profile, document) in received)
        {
            Save(opened, fleet, existing, declined, profile, document);
        }
    }

    private void Save(IFleet opened, SveltosFleet fleet, FleetProfiles existing, IReadOnlyList<CrdDefinition> declined, ClusterProfile profile, ClusterProfileDocument document)
    {
        var current = existing.Profiles.FirstOrDefault(p => p.Identity == document.Identity);
        if (current is not null && JsonNode.DeepEquals(current.ToJsonObject(), document.ToJsonObject()))
        {
            WriteVerbose($"{document.Identity} is unchanged in {fleet.Description}.");
            WritePassThru(profile);
            return;
        }

        if (!ShouldProcess($"{document.Identity} in {fleet.Description}", current is null ? "Create" : "Replace"))
        {
            return;
        }

        if (declined.FirstOrDefault(crd => crd.Kind == document.Kind.ToString()) is { } missing)
        {
            WriteError(ErrorRecords.Create(
                "CrdMissing",
                ErrorCategory.ObjectNotFound,
                $"{document.Identity} was not saved: {fleet.Description} does not serve {missing.Name}.",
                profile,
                "Let Save-ClusterProfile install the CustomResourceDefinition (do not decline that step), or install Sveltos."));
            return;
        }

        try
        {
            Await(token => opened.SaveProfileAsync(document, token));
            WriteVerbose($"Saved {document.Identity} to {fleet.Description}.");
            WritePassThru(profile);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.From(ex, profile));
        }
    }

    // Asks for each missing definition on the pipeline thread, then installs only those approved; returns the declined ones.
    private List<CrdDefinition> InstallCrds(ManagementClusterFleet management, SveltosFleet fleet)
    {
        var wanted = received
            .Select(r => r.Document.Kind == ProfileKind.Profile ? SveltosCrds.Profile : SveltosCrds.ClusterProfile)
            .Distinct()
            .ToList();
        var missing = Await(token => SveltosCrds.MissingAsync(management.Management, wanted, token));
        var approved = missing
            .Where(crd => ShouldProcess($"CustomResourceDefinition {crd.Name} in {fleet.Description}", "Install"))
            .ToList();
        if (approved.Count > 0)
        {
            Await(token => SveltosCrds.InstallAsync(management.Management, approved, token));
            WriteVerbose($"Installed {string.Join(", ", approved.Select(c => c.Name))} in {fleet.Description}.");
        }

        return missing.Except(approved).ToList();
    }

    private void WritePassThru(ClusterProfile profile)
    {
        if (PassThru)
        {
            WriteObject(profile);
        }
    }
}
