using System.Collections;
using System.Management.Automation;
using Sveltos.Engine.Classify;
using Sveltos.Engine.Profiles;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommon.New, "ClusterClassifier")]
[OutputType(typeof(ClusterClassifier))]
public sealed class NewClusterClassifierCommand : SveltosCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? ClassifierLabel { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("KubernetesVersion")]
    [ValidateNotNull]
    public object[]? KubernetesVersionConstraint { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object[]? ResourceSelector { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? AggregatedClassification { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? Label { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IDictionary? Annotation { get; set; }

    protected override void ProcessRecord()
    {
        var request = new ClassifierBuildRequest
        {
            Name = Name,
            ClassifierLabels = PowerShellValues.ToStringMap(ClassifierLabel).ToList(),
            KubernetesVersionConstraints = KubernetesVersionConstraint?.Select(i => PowerShellValues.Unwrap(i) ?? "").ToList(),
            ResourceSelectors = ResourceSelector?.Select(i => PowerShellValues.Unwrap(i) ?? "").ToList(),
            AggregatedClassification = AggregatedClassification,
            Labels = Label is null ? null : PowerShellValues.ToStringMap(Label),
            Annotations = Annotation is null ? null : PowerShellValues.ToStringMap(Annotation),
        };
        try
        {
            WriteObject(ClassifierMapper.ToOutput(ClassifierBuilder.Build(request), source: null));
        }
        catch (ProfileValidationException e)
        {
            ProfileProblems.Report(this, e.Problems, Name);
        }
    }
}
