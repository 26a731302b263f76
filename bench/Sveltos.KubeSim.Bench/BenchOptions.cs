using System.Globalization;

namespace Sveltos.KubeSim.Bench;

/// <summary>Benchmark settings from the command line; the defaults are the targets (200 clusters x 2,000 ConfigMaps).</summary>
internal sealed record BenchOptions(int Clusters, int Objects, int ListSize, TimeSpan Duration, int Concurrency, bool Tls)
{
    public const string Usage = "Usage: Sveltos.KubeSim.Bench [--clusters 200] [--objects 2000] [--list-size 1000] [--seconds 10] [--concurrency 32] [--tls]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(200, 2000, 1000, TimeSpan.FromSeconds(10), 32, false);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i - 1]} needs a positive number");
            options = args[i] switch
            {
                "--clusters" => options with { Clusters = Next() },
                "--objects" => options with { Objects = Next() },
                "--list-size" => options with { ListSize = Next() },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Next()) },
                "--concurrency" => options with { Concurrency = Next() },
                "--tls" => options with { Tls = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }
        return options with { ListSize = Math.Min(options.ListSize, options.Objects) };
    }
}
