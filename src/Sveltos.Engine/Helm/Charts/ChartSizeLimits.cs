namespace Sveltos.Engine.Helm.Charts;

/// <summary>Helm's limits on what a chart may expand to (MaxDecompressedChartSize, MaxDecompressedFileSize).</summary>
internal static class ChartSizeLimits
{
    public const long MaxChartBytes = 100L * 1024 * 1024;

    public const long MaxFileBytes = 5L * 1024 * 1024;

    public static HelmException ChartTooLarge(string source) => new(HelmErrorIds.ChartTooLarge, ErrorKind.LimitsExceeded,
        $"chart '{source}' expands to more than {MaxChartBytes} bytes (100 MiB), the most Helm accepts for one chart", source, source);

    public static HelmException FileTooLarge(string source, string file) => new(HelmErrorIds.ChartTooLarge, ErrorKind.LimitsExceeded,
        $"chart '{source}': the file '{file}' is larger than {MaxFileBytes} bytes (5 MiB), the most Helm accepts for one chart file", source, file);
}
