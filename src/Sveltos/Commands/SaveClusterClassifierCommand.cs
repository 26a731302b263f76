using System.Management.Automation;
using System.Text.Json.Nodes;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsData.Save, "ClusterClassifier", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ClusterClassifier))]
public sealed class SaveClusterClassifierCommand : FleetCmdlet
{
    private readonly List<(ClusterClassifier Classifier, ClassifierDocument Document)> received = [];
    private bool invalid;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ClusterClassifier[] InputObject { get; set; } = [];

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var classifier in InputObject)
        {
            try
            {
                received.Add((classifier, ClassifierMapper.ToDocument(classifier)));
            }
            catch (ProfileValidationException e)
            {
                invalid = true;
                ProfileProblems.Report(this, e.Problems, classifier);
            }
        }
    }

    // The whole input or nothing: a set with an invalid classifier or a duplicate name is refused.
    protected override void EndProcessing()
    {
        var duplicates = ClassifierDocument.FindDuplicateNames(received.Select(r => r.Document));
        foreach (var problem in duplicates)
        {
            ProfileProblems.Report(this, [problem]);
        }

        if (invalid || duplicates.Count > 0 || received.Count == 0)
        {
            return;
        }

        var fleet = ResolveFleet();
        using var opened = OpenFleet(fleet);
        if (opened.IsReadOnly)
        {
            ThrowTerminatingError(ErrorRecords.Create("FleetReadOnly", ErrorCategory.InvalidOperation, $"Classifiers cannot be saved to {fleet.Description}.", fleet.Description, "Connect a fleet directory or a management cluster with Connect-SveltosFleet, or pass -FleetPath or -ManagementContext."));
        }

        FleetClassifiers existing = FleetClassifiers.Empty;
        var crdReady = true;
        try
        {
            existing = Await(opened.GetClassifiersAsync);
            crdReady = EnsureCrds(opened, SveltosCrds.Classifier);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
        }

        foreach (var (classifier, document) in received)
        {
            var current = existing.Classifiers.FirstOrDefault(c => c.Name == document.Name);
            if (current is not null && JsonNode.DeepEquals(current.ToJsonObject(), document.ToJsonObject()))
            {
                WriteVerbose($"{document.Identity} is unchanged in {fleet.Description}.");
            }
            else if (!ShouldProcess($"{document.Identity} in {fleet.Description}", current is null ? "Create" : "Replace"))
            {
                continue;
            }
            else if (!crdReady)
            {
                WriteError(ErrorRecords.Create("CrdMissing", ErrorCategory.ObjectNotFound, $"{document.Identity} was not saved: {fleet.Description} does not serve {SveltosCrds.Classifier.Name}.", classifier, "Let Save-ClusterClassifier install the CustomResourceDefinition (do not decline that step), or install Sveltos."));
                continue;
            }
            else
            {
                try
                {
                    Await(token => opened.SaveClassifierAsync(document, token));
                    WriteVerbose($"Saved {document.Identity} to {fleet.Description}.");
                }
                catch (Exception ex) when (ex is not PipelineStoppedException)
                {
                    WriteError(ErrorRecords.From(ex, classifier));
                    continue;
                }
            }

            if (PassThru)
            {
                WriteObject(classifier);
            }
        }
    }
}
