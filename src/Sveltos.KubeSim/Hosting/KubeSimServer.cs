using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Control;
using Sveltos.KubeSim.Hosting;

namespace Sveltos.KubeSim;

/// <summary>
/// A running KubeSim: many simulated clusters in one process, each on its own loopback port, plus a control endpoint.
/// One Kestrel server serves every port; ports open and close independently so a cluster can go down (connection refused).
/// </summary>
public sealed class KubeSimServer : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly SocketTransportFactory _sockets;
    private readonly PortGroup _clusterPorts;
    private readonly PortListener _controlListener;
    private readonly ConcurrentDictionary<int, Func<HttpContext, Task>> _routes = new();
    private readonly Lock _clustersGate = new();
    private readonly SemaphoreSlim _membership = new(1, 1);
    private readonly KubeSimOptions _options;
    private readonly CertificateAuthority? _authority;
    private readonly bool _ownsKubeconfig;
    private readonly CancellationTokenSource _stopRequested = new();
    private List<SimulatedCluster> _clusters = [];
    private int _nextPort;
    private bool _stopped;

    private KubeSimServer(KubeSimOptions options, WebApplication host, SocketTransportFactory sockets, PortGroup clusterPorts, PortGroup controlPorts, CertificateAuthority? authority)
    {
        _options = options;
        _host = host;
        _sockets = sockets;
        _clusterPorts = clusterPorts;
        _authority = authority;
        _nextPort = options.Port;
        _controlListener = new PortListener(sockets, controlPorts.Sink, options.ControlPort);
        ControlToken = options.ControlToken ?? NewToken();
        _ownsKubeconfig = options.KubeconfigPath is null;
        KubeconfigPath = Path.GetFullPath(options.KubeconfigPath ?? Path.Combine(Directory.CreateTempSubdirectory("kubesim-").FullName, "kubeconfig"));
    }

    /// <summary>The kubeconfig with one context per cluster (context name = cluster name), rewritten when clusters are added or removed.</summary>
    public string KubeconfigPath { get; }

    public Uri ControlUrl => new($"http://127.0.0.1:{_controlListener.Port}");

    /// <summary>The bearer token of the control endpoint.</summary>
    public string ControlToken { get; }

    /// <summary>The CA that signed the serving certificate (PEM), in TLS mode.</summary>
    public string? CertificateAuthorityPem => _authority?.CaPem;

    /// <summary>Signalled when the control endpoint is asked to shut the server down (the CLI then stops).</summary>
    public CancellationToken StopRequested => _stopRequested.Token;

    public IReadOnlyList<SimulatedCluster> Clusters
    {
        get
        {
            lock (_clustersGate)
            {
                return _clusters;
            }
        }
    }

    public SimulatedCluster this[string name] =>
        Clusters.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No simulated cluster is named '{name}'.");

    public static async Task<KubeSimServer> StartAsync(KubeSimOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var duplicates = options.Clusters.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Cluster names must be unique: {string.Join(", ", duplicates)}", nameof(options));
        }
        var authority = options.Tls ? CertificateAuthority.Create() : null;
        var clusterEndPoint = new PortGroupEndPoint("clusters");
        var controlEndPoint = new PortGroupEndPoint("control");
        var clusterPorts = new PortGroup(clusterEndPoint);
        var controlPorts = new PortGroup(controlEndPoint);
        var transport = new PortGroupTransport(new Dictionary<PortGroupEndPoint, PortGroup> { [clusterEndPoint] = clusterPorts, [controlEndPoint] = controlPorts });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Services.AddSingleton<IConnectionListenerFactory>(transport);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(clusterEndPoint, listen =>
            {
                listen.Protocols = authority is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                if (authority is not null)
                {
                    listen.UseHttps(authority.ServerCertificate);
                }
            });
            kestrel.Listen(controlEndPoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var host = builder.Build();
        var sockets = new SocketTransportFactory(Microsoft.Extensions.Options.Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KubeSimServer(options, host, sockets, clusterPorts, controlPorts, authority);
        host.Run(server.RouteAsync);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var control = new ControlApi(server, server.ControlToken);
            await server._controlListener.OpenAsync().ConfigureAwait(false);
            server._routes[server._controlListener.Port] = control.HandleAsync;
            foreach (var spec in options.Clusters)
            {
                await server.StartClusterAsync(spec).ConfigureAwait(false);
            }
            server.WriteKubeconfig();
        }
        catch
        {
            await server.StopAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Adds a cluster while running and rewrites the kubeconfig.</summary>
    public async Task<SimulatedCluster> AddClusterAsync(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await _membership.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Clusters.Any(c => c.Name == spec.Name))
            {
                throw new ArgumentException($"A cluster named '{spec.Name}' already exists.", nameof(spec));
            }
            var cluster = await StartClusterAsync(spec).ConfigureAwait(false);
            WriteKubeconfig();
            return cluster;
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>Stops and forgets a cluster (its port closes for good) and rewrites the kubeconfig.</summary>
    public async Task RemoveClusterAsync(string name)
    {
        await _membership.WaitAsync().ConfigureAwait(false);
        try
        {
            var cluster = this[name];
            lock (_clustersGate)
            {
                _clusters = _clusters.Where(c => c != cluster).ToList();
            }
            var port = cluster.Port;
            await cluster.StopAsync().ConfigureAwait(false);
            _routes.TryRemove(port, out _);
            WriteKubeconfig();
        }
        finally
        {
            _membership.Release();
        }
    }

    /// <summary>Asks whoever hosts the server to stop it (see <see cref="StopRequested"/>).</summary>
    public void RequestStop() => _stopRequested.Cancel();

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        foreach (var cluster in Clusters)
        {
            await cluster.StopAsync().ConfigureAwait(false);
        }
        await _controlListener.CloseAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _host.StopAsync(grace.Token).ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        if (_ownsKubeconfig)
        {
            TryDelete(Path.GetDirectoryName(KubeconfigPath)!);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task<SimulatedCluster> StartClusterAsync(ClusterSpec spec)
    {
        var port = _nextPort == 0 ? 0 : _nextPort++;
        var listener = new PortListener(_sockets, _clusterPorts.Sink, port);
        var cluster = new SimulatedCluster(spec, NewToken(), _authority is not null, listener, _options);
        await cluster.StartAsync().ConfigureAwait(false);
        _routes[cluster.Port] = new ClusterRequestHandler(cluster).HandleAsync;
        lock (_clustersGate)
        {
            _clusters = [.. _clusters, cluster];
        }
        return cluster;
    }

    private Task RouteAsync(HttpContext context)
    {
        if (_routes.TryGetValue(context.Connection.LocalPort, out var handler))
        {
            return handler(context);
        }
        context.Abort();
        return Task.CompletedTask;
    }

    private void WriteKubeconfig() => KubeconfigWriter.Write(KubeconfigPath, Clusters, _authority?.CaPem);

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary directory left behind is harmless.
        }
    }
}
