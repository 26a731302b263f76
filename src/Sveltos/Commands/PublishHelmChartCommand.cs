using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

/// <summary>
/// The module's <c>helm package</c>, <c>helm repo index</c> and <c>helm push</c>: packages a chart folder (or takes a
/// .tgz) and writes it to a folder, adds it to a chart repository folder (index.yaml updated), or pushes it to an
/// OCI registry.
/// </summary>
[Cmdlet(VerbsData.Publish, "HelmChart", DefaultParameterSetName = PackageSet, SupportsShouldProcess = true)]
[OutputType(typeof(PublishedHelmChart))]
public sealed class PublishHelmChartCommand : SveltosCmdlet
{
    private const string PackageSet = "Package";
    private const string RepositorySet = "Repository";
    private const string Activity = "Publish-HelmChart";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(ParameterSetName = PackageSet)]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = RepositorySet)]
    [ValidateNotNullOrEmpty]
    public string Repository { get; set; } = "";

    [Parameter(ParameterSetName = RepositorySet)]
    [ValidateNotNullOrEmpty]
    public string? RepositoryUrl { get; set; }

    [Parameter(ParameterSetName = RepositorySet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = RepositorySet)]
    [ValidateNotNullOrEmpty]
    public string? CaCertificateFile { get; set; }

    [Parameter(ParameterSetName = RepositorySet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter(ParameterSetName = RepositorySet)]
    public SwitchParameter PlainHttp { get; set; }

    private bool ToRegistry => Repository.StartsWith(OciReference.Scheme, StringComparison.Ordinal);

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            WriteProgress(new ProgressRecord(1, Activity, $"Packaging {path}"));
            var (package, metadata, created) = HelmChartPublisher.Package(path);
            var chart = $"{metadata.Name} {metadata.Version}";
            PublishedChart? published = null;
            if (ParameterSetName == PackageSet)
            {
                var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination ?? ".");
                if (ShouldProcess(System.IO.Path.Combine(folder, $"{metadata.Name}-{metadata.Version}.tgz"), $"Write the packaged chart {chart}"))
                {
                    published = HelmChartPublisher.SaveTo(package, metadata, folder);
                }
            }
            else if (ToRegistry)
            {
                var options = HelmSession.SourceOptions(this, Credential, CaCertificateFile, SkipCertificateCheck, PlainHttp, passCredential: false);
                var target = OciReference.Parse($"{Repository.TrimEnd('/')}/{metadata.Name}").WithTag(metadata.Version);
                if (ShouldProcess(target.ToString(), $"Push chart {chart}"))
                {
                    WriteProgress(new ProgressRecord(1, Activity, $"Pushing {chart} to {target}"));
                    published = Await(token => HelmChartPublisher.PushAsync(package, metadata, created, Repository, options, token));
                }
            }
            else
            {
                var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Repository);
                if (ShouldProcess(folder, $"Add chart {chart} to the repository and update its index.yaml"))
                {
                    published = HelmChartPublisher.AddToRepository(package, metadata, folder, RepositoryUrl);
                }
            }

            if (published is not null)
            {
                WriteObject(new PublishedHelmChart(published.Name, published.Version, published.Target.ToString(), published.Location, published.Digest, published.ManifestDigest));
            }
        }
        catch (SveltosException ex)
        {
            WriteError(ErrorRecords.From(ex, Path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, "HelmPublishUnwritable", ErrorCategory.WriteError, Path)
            {
                ErrorDetails = new ErrorDetails($"cannot publish the chart at {path}: {ex.Message}"),
            });
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
