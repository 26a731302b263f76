using System.Collections;
using System.Management.Automation;
using Sveltos.Completers;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.New, "ClusterProfile")]
[OutputType(typeof(ClusterProfile))]
public sealed class NewClusterProfileCommand : SveltosCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("ClusterProfile", "Profile")]
    public string? Kind { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Namespace { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public object? ClusterSelector { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ClusterRefCompleter))]
    public object[]? ClusterRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? SetRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[]? PolicyRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[]? HelmChart { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[]? KustomizationRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[]? TemplateResourceRef { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileValueCompleter))]
    public string? SyncMode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Tier { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ContinueOnConflict { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ContinueOnError { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Reloader { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProfileValueCompleter))]
    public string? StopMatchingBehavior { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string[]? DependsOn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object? MaxUpdate { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public uint? MaxConsecutiveFailures { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? Label { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? Annotation { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? ExtraLabel { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? ExtraAnnotation { get; set; }

    protected override void ProcessRecord()
    {
        // Only what is given goes into the profile. Nullable parameters and "true or absent" switches, because
        // between piped records PowerShell resets parameters to their defaults but not BoundParameters.
        var request = new ProfileBuildRequest
        {
            Name = Name,

            // A namespace only makes sense for a Profile, so naming one is enough to ask for a Profile.
            Kind = Kind ?? (Namespace is null ? nameof(ProfileKind.ClusterProfile) : nameof(ProfileKind.Profile)),
            Namespace = Namespace,
            ClusterSelector = ClusterSelection.Value(ClusterSelector),
            ClusterRefs = Items(ClusterRef),
            SetRefs = SetRef,
            PolicyRefs = Items(PolicyRef),
            HelmCharts = Items(HelmChart),
            KustomizationRefs = Items(KustomizationRef),
            TemplateResourceRefs = Items(TemplateResourceRef),
            SyncMode = SyncMode,
            Tier = Tier,
            ContinueOnConflict = WhenPresent(ContinueOnConflict),
            ContinueOnError = WhenPresent(ContinueOnError),
            Reloader = WhenPresent(Reloader),
            StopMatchingBehavior = StopMatchingBehavior,
            DependsOn = DependsOn,
            MaxUpdate = PowerShellValues.Unwrap(MaxUpdate),
            MaxConsecutiveFailures = MaxConsecutiveFailures,
            Labels = Map(Label),
            Annotations = Map(Annotation),
            ExtraLabels = Map(ExtraLabel),
            ExtraAnnotations = Map(ExtraAnnotation),
        };

        if (ProfileBuilder.TryBuild(request, out var profile, out var problems))
        {
            UnsupportedFieldWarnings.Write(this, profile);
            WriteObject(ProfileMapper.ToOutput(profile, source: null));
        }
        else
        {
            ProfileProblems.Report(this, problems, Name);
        }
    }

    // false is the API default, so an absent switch and -Switch:$false both leave the field out.
    private static bool? WhenPresent(SwitchParameter value) => value.IsPresent ? true : null;

    private static List<object>? Items(object[]? items) =>
        items?.Select(i => PowerShellValues.Unwrap(i) ?? "").ToList();

    private static Dictionary<string, object?>? Map(IDictionary? dictionary) =>
        dictionary is null ? null : PowerShellValues.ToDictionary(dictionary);
}
