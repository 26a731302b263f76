using System.Collections;
using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Helm;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Helm.Values;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Yaml;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

/// <summary>
/// The module's <c>helm template</c>: fetches a chart (folder, .tgz, repository, oci://), renders it with the user's
/// values and writes exactly what Helm prints, the documents as objects, or Helm's --output-dir layout.
/// </summary>
[Cmdlet(VerbsData.Expand, "HelmChart", DefaultParameterSetName = TextSet, SupportsShouldProcess = true)]
[OutputType(typeof(string), ParameterSetName = [TextSet])]
[OutputType(typeof(HelmChartDocument), ParameterSetName = [ObjectSet])]
[OutputType(typeof(FileInfo), ParameterSetName = [DirectorySet])]
public sealed class ExpandHelmChartCommand : SveltosCmdlet
{
    private const string TextSet = "Text";
    private const string ObjectSet = "Object";
    private const string DirectorySet = "OutputDirectory";
    private const string Activity = "Expand-HelmChart";
    private ChartFetcher? fetcher;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Chart { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Version { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RepositoryUrl { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReleaseName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = HelmRenderOptions.DefaultNamespace;

    [Parameter]
    [ValidateNotNull]
    public string[] ValuesFile { get; set; } = [];

    [Parameter]
    [ValidateNotNull]
    public string[] Set { get; set; } = [];

    [Parameter]
    [ValidateNotNull]
    public string[] SetString { get; set; } = [];

    [Parameter]
    public IDictionary? Values { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeVersion { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[] ApiVersion { get; set; } = [];

    [Parameter]
    public SwitchParameter IncludeCrds { get; set; }

    [Parameter]
    public SwitchParameter SkipTests { get; set; }

    [Parameter]
    public SwitchParameter HideSecret { get; set; }

    [Parameter]
    public SwitchParameter DependencyUpdate { get; set; }

    [Parameter]
    public SwitchParameter SkipSchemaValidation { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[] ShowOnly { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameTemplate { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DirectorySet)]
    [ValidateNotNullOrEmpty]
    public string? OutputDirectory { get; set; }

    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CaCertificateFile { get; set; }

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter]
    public SwitchParameter PlainHttp { get; set; }

    [Parameter]
    public SwitchParameter PassCredential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ObjectSet)]
    public SwitchParameter AsObject { get; set; }

    protected override void BeginProcessing() => fetcher = new ChartFetcher();

    protected override void ProcessRecord()
    {
        HelmChartRequest request;
        try
        {
            request = Request();
        }
        catch (SveltosException ex)
        {
            WriteError(ErrorRecords.From(ex, Chart));
            return;
        }

        WriteProgress(new ProgressRecord(1, Activity, $"Fetching and rendering {request.Chart}"));
        HelmChartExpansion expansion;
        try
        {
            var expander = new HelmChartExpander(fetcher!, HelmSession.Renderer);
            expansion = Await(token => expander.ExpandAsync(request, token));
        }
        catch (SveltosException ex)
        {
            WriteError(ErrorRecords.From(ex, Chart));
            return;
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        WriteVerbose($"Rendered chart {expansion.Chart.Name} {expansion.Chart.Metadata.Version} from {expansion.Source.Source} as release {expansion.Result.ReleaseName}: {expansion.Result.Documents.Count} document(s).");
        foreach (var warning in expansion.Result.Warnings)
        {
            WriteWarning($"chart {expansion.Chart.Name}: {warning}");
        }

        switch (ParameterSetName)
        {
            case ObjectSet:
                WriteDocuments(expansion);
                break;
            case DirectorySet:
                WriteDirectory(expansion);
                break;
            default:
                WriteObject(expansion.Result.HelmTemplateOutput);
                break;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fetcher?.Dispose();
        }

        base.Dispose(disposing);
    }

    private HelmChartRequest Request()
    {
        var files = ValuesFile.Select(file =>
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(file);
            if (!File.Exists(path))
            {
                throw new HelmException(HelmErrorIds.ValuesInvalid, ErrorKind.ObjectNotFound, $"values file '{file}' not found ({path})", file: file,
                    recommendedAction: "Give the path of a YAML values file (-ValuesFile), relative to the current location or absolute.");
            }

            return (File.ReadAllText(path), file);
        }).ToList();
        var basePath = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        return new HelmChartRequest(ChartReference.Parse(Chart, RepositoryUrl, basePath))
        {
            Version = Version,
            UpdateDependencies = DependencyUpdate,
            Source = HelmSession.SourceOptions(this, Credential, CaCertificateFile, SkipCertificateCheck, PlainHttp, PassCredential),
            Values = new HelmUserValues
            {
                Files = files,
                Values = Values is null ? null : PowerShellValues.ToDictionary(Values),
                Set = Set,
                SetString = SetString,
            },
            Render = new HelmRenderOptions
            {
                ReleaseName = ReleaseName,
                NameTemplate = NameTemplate,
                Namespace = Namespace,
                KubeVersion = KubeVersion,
                ApiVersions = ApiVersion,
                IncludeCrds = IncludeCrds,
                SkipTests = SkipTests,
                HideSecret = HideSecret,
                SkipSchemaValidation = SkipSchemaValidation,
                ShowOnly = ShowOnly,
            },
        };
    }

    private void WriteDocuments(HelmChartExpansion expansion)
    {
        foreach (var document in expansion.Result.Documents)
        {
            var node = document.ToObject();
            var shown = node is System.Text.Json.Nodes.JsonObject obj && SecretRedactor.IsSecret(obj) ? SecretRedactor.Redact(obj) : node;
            var yaml = ReferenceEquals(shown, node) ? document.Text : YamlText.FromJson(shown!);
            WriteObject(new HelmChartDocument(
                expansion.Chart.Name,
                expansion.Result.ReleaseName,
                document.Source,
                document.ApiVersion,
                document.Kind,
                document.Name,
                document.Namespace ?? "",
                document.Hook is null ? "" : string.Join(",", document.Hook.Events),
                document.IsCrd,
                JsonToPowerShell.Convert(shown),
                yaml));
        }
    }

    private void WriteDirectory(HelmChartExpansion expansion)
    {
        var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputDirectory);
        if (!ShouldProcess(directory, $"Write the {expansion.Result.Documents.Count} rendered document(s) of chart {expansion.Chart.Name}"))
        {
            return;
        }

        string printed;
        try
        {
            printed = expansion.Result.WriteOutputDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, "HelmOutputDirectoryUnwritable", ErrorCategory.WriteError, directory)
            {
                ErrorDetails = new ErrorDetails($"cannot write the rendered chart {expansion.Chart.Name} to {directory}: {ex.Message}"),
            });
            return;
        }

        // Helm prints "wrote <file>" once per document; a file holding several documents is reported once.
        var files = printed.Split('\n').Where(line => line.StartsWith("wrote ", StringComparison.Ordinal)).Select(line => line[6..]).Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            WriteObject(new FileInfo(file));
        }
    }
}
