namespace Sveltos.Engine.Helm.Sources;

/// <summary>The media types of Helm charts in OCI registries (pkg/registry constants) and of the manifest.</summary>
public static class OciMediaTypes
{
    public const string Manifest = "application/vnd.oci.image.manifest.v1+json";
    public const string ChartConfig = "application/vnd.cncf.helm.config.v1+json";
    public const string ChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    public const string ChartProvenance = "application/vnd.cncf.helm.chart.provenance.v1.prov";
    public const string LegacyChartContent = "application/tar+gzip";
}
