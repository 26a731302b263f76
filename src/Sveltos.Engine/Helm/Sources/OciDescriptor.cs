namespace Sveltos.Engine.Helm.Sources;

/// <summary>An OCI content descriptor: what a manifest says of a blob.</summary>
public sealed record OciDescriptor(string MediaType, string Digest, long Size);

/// <summary>A chart manifest as pulled: its digest, the config (Chart.yaml as JSON) and the chart layer.</summary>
public sealed record OciChartManifest(string Digest, OciDescriptor Config, OciDescriptor Chart, IReadOnlyDictionary<string, string> Annotations);

/// <summary>What a push stored: the reference, the manifest digest and the chart layer's digest.</summary>
public sealed record OciPushResult(string Reference, string ManifestDigest, string ChartDigest);
