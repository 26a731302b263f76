using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Sveltos.KubeSim;
using Sveltos.KubeSim.Cli;

KubeSimOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }
    options = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"kubesim: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

await using var server = await KubeSimServer.StartAsync(options);
foreach (var cluster in server.Clusters)
{
    Console.WriteLine($"cluster {cluster.Name} {cluster.Server.ToString().TrimEnd('/')} {cluster.Version}{(cluster.IsManagement ? " management" : "")}");
}
Console.WriteLine($"control {server.ControlUrl.ToString().TrimEnd('/')} token {server.ControlToken}");
Console.WriteLine($"kubeconfig {server.KubeconfigPath}");
var ready = new JsonObject
{
    ["kubeconfig"] = server.KubeconfigPath,
    ["controlUrl"] = server.ControlUrl.ToString().TrimEnd('/'),
    ["controlToken"] = server.ControlToken,
    ["pid"] = Environment.ProcessId,
    ["clusters"] = new JsonArray(server.Clusters.Select(c => (JsonNode)new JsonObject
    {
        ["name"] = c.Name, ["server"] = c.Server.ToString().TrimEnd('/'), ["version"] = c.Version, ["management"] = c.IsManagement,
    }).ToArray()),
};
Console.WriteLine($"ready {Sveltos.KubeSim.Json.JsonTree.ToText(ready)}");
Console.Out.Flush();

try
{
    using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, server.StopRequested);
    await Task.Delay(Timeout.Infinite, either.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM, Ctrl+C or POST /shutdown on the control endpoint: stop cleanly.
}
await server.StopAsync();
Console.WriteLine("stopped");
return 0;
