using System.Globalization;

namespace Sveltos.KubeSim.Cli;

/// <summary>Parses the kubesim command line into server options.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: kubesim [--clusters a,b,c] [--management NAME] [--fleet FILE.yaml] [--port N] [--kubeconfig PATH]
                       [--control-port N] [--control-token TOKEN] [--tls|--plain-http] [--version vX.Y.Z] [--nodes N]
                       [--no-runtime] [--runtime-delay-ms N] [--watch-history N]

          --clusters        workload clusters to simulate (comma separated)
          --management      the management cluster (also a kubeconfig context, and the current one)
          --fleet           YAML file: clusters with version, nodes and nodeLabels (see README)
          --port            first cluster port, the next clusters follow; 0 (default) = ephemeral ports
          --kubeconfig      where to write the kubeconfig (default: a temporary file)
          --control-port    port of the control endpoint (default: ephemeral)
          --control-token   bearer token of the control endpoint (default: generated)
          --tls             serve HTTPS with a generated CA written into the kubeconfig (the default)
          --plain-http      serve plain HTTP (tokens still required; kubectl/client-go never send them over HTTP)
          --version         Kubernetes version the --clusters report (default v1.32.0)
          --nodes           nodes per --clusters cluster (default 1)
          --no-runtime      do not simulate controllers (workloads never become ready)
          --runtime-delay-ms  how long simulated controllers take (default 100)
          --watch-history   events kept per cluster for watch resumption (default 10000)
        """;

    public static KubeSimOptions Parse(IReadOnlyList<string> args)
    {
        var options = new KubeSimOptions();
        var clusters = new List<string>();
        string? management = null;
        string? fleet = null;
        var version = "v1.32.0";
        var nodes = 1;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{arg} needs a number");
            switch (arg)
            {
                case "--clusters":
                    clusters.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--management":
                    management = Value();
                    break;
                case "--fleet":
                    fleet = Value();
                    break;
                case "--port":
                    options.Port = Number();
                    break;
                case "--control-port":
                    options.ControlPort = Number();
                    break;
                case "--control-token":
                    options.ControlToken = Value();
                    break;
                case "--kubeconfig":
                    options.KubeconfigPath = Value();
                    break;
                case "--tls":
                    options.Tls = true;
                    break;
                case "--plain-http":
                    options.Tls = false;
                    break;
                case "--version":
                    version = Value();
                    break;
                case "--nodes":
                    nodes = Number();
                    break;
                case "--no-runtime":
                    options.SimulateRuntime = false;
                    break;
                case "--runtime-delay-ms":
                    options.RuntimeDelay = TimeSpan.FromMilliseconds(Number());
                    break;
                case "--watch-history":
                    options.WatchHistorySize = Number();
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{arg}'");
            }
        }
        if (fleet is not null)
        {
            var file = FleetFile.Read(fleet);
            management ??= file.Management;
            foreach (var spec in file.Clusters)
            {
                spec.IsManagement = spec.Name == management;
                options.Clusters.Add(spec);
            }
        }
        if (management is not null && options.Clusters.All(c => c.Name != management))
        {
            options.Clusters.Insert(0, new ClusterSpec(management) { IsManagement = true, Version = version, Nodes = nodes });
        }
        foreach (var name in clusters)
        {
            options.Clusters.Add(new ClusterSpec(name) { Version = version, Nodes = nodes });
        }
        if (options.Clusters.Count == 0)
        {
            throw new ArgumentException("no clusters: give --clusters, --management or --fleet");
        }
        return options;
    }
}
