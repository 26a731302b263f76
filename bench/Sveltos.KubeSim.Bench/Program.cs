using System.Diagnostics;
using System.Globalization;
using Sveltos.KubeSim;
using Sveltos.KubeSim.Bench;

// Benchmarks one in-process KubeSim serving many clusters of ConfigMaps: seeding, memory, small-GET throughput, large LIST latency.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var rows = new List<(string Measure, string Value, string Target)>();
Console.WriteLine($"KubeSim benchmark: {options.Clusters} clusters x {options.Objects} ConfigMaps, {Environment.ProcessorCount} cores, {(options.Tls ? "HTTPS" : "HTTP")}");

var serverOptions = KubeSimOptions.For(Enumerable.Range(1, options.Clusters).Select(i => $"bench-{i:D3}"));
serverOptions.Tls = options.Tls;
serverOptions.SimulateRuntime = false;
var clock = Stopwatch.StartNew();
await using var server = await KubeSimServer.StartAsync(serverOptions);
rows.Add(("start-up", $"{clock.Elapsed.TotalSeconds:F2} s", ""));

var baseline = Memory();
clock.Restart();
var namespaces = (options.Objects + options.ListSize - 1) / options.ListSize;
Parallel.ForEach(server.Clusters, cluster => cluster.Seed(
    Enumerable.Range(0, namespaces).Select(n => $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Workload.ListNamespace(n * options.ListSize, options.ListSize)}}}"}}""")
        .Concat(Enumerable.Range(0, options.Objects).Select(i => $$$"""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{Workload.ConfigMapName(i)}}}","namespace":"{{{Workload.ListNamespace(i, options.ListSize)}}}","labels":{"app":"bench","shard":"{{{i % 10}}}"}},"data":{"key":"value-{{{i}}}","other":"some text of a realistic length for a small setting"}}
            """))));
var seeded = options.Clusters * options.Objects;
rows.Add(("seed (in-process create)", $"{seeded / clock.Elapsed.TotalSeconds:N0} objects/s", ""));
var used = Memory() - baseline;
rows.Add(("memory per 1,000 objects", $"{used / 1024.0 / 1024.0 / (seeded / 1000.0):F2} MiB", ""));
rows.Add(("managed heap, all objects", $"{used / 1024.0 / 1024.0:N0} MiB", ""));

var workload = new Workload(server, options);
using var http = workload.CreateClient();
await workload.RunListsAsync(http, 5);
var (lists, listBytes) = await workload.RunListsAsync(http, 40);
rows.Add(($"LIST {options.ListSize:N0} objects p50", $"{lists.Percentile(50):F1} ms", "< 20 ms"));
rows.Add(($"LIST {options.ListSize:N0} objects p99", $"{lists.Percentile(99):F1} ms ({listBytes / 1024} KiB)", ""));

var (rate, latencies, failures) = await workload.RunGetsAsync(http);
rows.Add(($"GET throughput ({options.Concurrency} concurrent)", $"{rate:N0} req/s", ">= 3,000 req/s"));
rows.Add(("GET latency p50 / p99", $"{latencies.Percentile(50):F2} / {latencies.Percentile(99):F2} ms", ""));
rows.Add(("GET failures", failures.ToString(CultureInfo.InvariantCulture), "0"));

var width = rows.Max(r => r.Measure.Length);
var valueWidth = rows.Max(r => r.Value.Length);
Console.WriteLine();
Console.WriteLine($"{"measure".PadRight(width)}  {"result".PadRight(valueWidth)}  target");
Console.WriteLine($"{new string('-', width)}  {new string('-', valueWidth)}  {new string('-', 14)}");
foreach (var (measure, value, target) in rows)
{
    Console.WriteLine($"{measure.PadRight(width)}  {value.PadRight(valueWidth)}  {target}");
}
return 0;

static long Memory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}
