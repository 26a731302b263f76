using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Hosting;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Runtime;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim;

/// <summary>
/// One simulated cluster: its own port, token, store and resourceVersions. Tests steer it through the properties and
/// methods here (down/up, latency, injected failures, version, counters).
/// </summary>
public sealed class SimulatedCluster
{
    private readonly PortListener _listener;
    private readonly WorkloadController? _controller;
    private double _failureRate;
    private int _failNext;

    internal SimulatedCluster(ClusterSpec spec, string token, bool tls, PortListener listener, KubeSimOptions options)
    {
        Name = spec.Name;
        IsManagement = spec.IsManagement;
        NodeCount = spec.Nodes;
        NodeLabels = new Dictionary<string, string>(spec.NodeLabels, StringComparer.Ordinal);
        Version = spec.Version;
        Token = token;
        Tls = tls;
        _listener = listener;
        BookmarkInterval = options.BookmarkInterval;
        Store = new ObjectStore(options.WatchHistorySize);
        Registry = new ResourceRegistry();
        Writer = new ObjectWriter(Store, Registry, options.SimulateRuntime ? options.RuntimeDelay : TimeSpan.Zero);
        ClusterBootstrap.Seed(this);
        if (options.SimulateRuntime)
        {
            _controller = new WorkloadController(this, options.RuntimeDelay);
        }
    }

    public string Name { get; }

    public bool IsManagement { get; }

    /// <summary>The bearer token clients must send.</summary>
    public string Token { get; }

    public bool Tls { get; }

    public int Port => _listener.Port;

    public Uri Server => new($"{(Tls ? "https" : "http")}://127.0.0.1:{Port}");

    /// <summary>The Kubernetes version the cluster reports; see <see cref="SetVersion"/>.</summary>
    public string Version { get; private set; }

    public int NodeCount { get; }

    public IReadOnlyDictionary<string, string> NodeLabels { get; }

    /// <summary>True while the cluster refuses connections.</summary>
    public bool IsDown => !_listener.IsOpen;

    /// <summary>Added to every request before it is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The fraction (0..1) of requests answered with <see cref="FailureStatusCode"/> instead of being handled.</summary>
    public double FailureRate
    {
        get => Volatile.Read(ref _failureRate);
        set => Volatile.Write(ref _failureRate, Math.Clamp(value, 0, 1));
    }

    /// <summary>The next this many requests fail with <see cref="FailureStatusCode"/>, whatever <see cref="FailureRate"/> says: failures a test can count on.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, Math.Max(0, value));
    }

    /// <summary>Takes one of the <see cref="FailNext"/> failures; false when none is left.</summary>
    internal bool TakeFailure()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _failNext);
            if (left == 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _failNext, left - 1, left) != left);
        return true;
    }

    /// <summary>The status of injected failures: 500 (InternalError), 429 (TooManyRequests, with Retry-After) or another 4xx/5xx.</summary>
    public int FailureStatusCode { get; set; } = 500;

    /// <summary>The Retry-After seconds sent with injected 429s.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Events kept for watches to resume from; lower it to make watches hit 410 Gone.</summary>
    public int WatchHistorySize
    {
        get => Store.HistoryCapacity;
        set => Store.HistoryCapacity = value;
    }

    public long ResourceVersion => Store.ResourceVersion;

    internal TimeSpan BookmarkInterval { get; }

    internal ObjectStore Store { get; }

    internal ResourceRegistry Registry { get; }

    internal ObjectWriter Writer { get; }

    internal RequestCounters Counters { get; } = new();

    /// <summary>Closes the cluster's port: new connections are refused and open ones are dropped.</summary>
    public Task TakeDownAsync() => _listener.CloseAsync();

    /// <summary>Re-opens the cluster's port (the same port as before).</summary>
    public Task BringUpAsync() => _listener.OpenAsync();

    /// <summary>Changes the reported version, including every node's kubelet version.</summary>
    public void SetVersion(string version)
    {
        if (!version.StartsWith('v') || version.Split('.').Length < 3)
        {
            throw new ArgumentException($"'{version}' is not a Kubernetes version such as v1.29.4", nameof(version));
        }
        Version = version;
        ClusterBootstrap.UpdateNodeVersions(this);
    }

    /// <summary>Requests served per verb (get, list, watch, create, update, patch, apply, delete, discovery, rejected) and their total.</summary>
    public IReadOnlyDictionary<string, long> GetCounters() => Counters.Snapshot();

    public void ResetCounters() => Counters.Reset();

    /// <summary>
    /// Creates objects directly, without HTTP (to arrange large fleets fast): one JSON or YAML object per string, in order,
    /// so namespaces and CRDs go before what needs them. Returns how many were created.
    /// </summary>
    public int Seed(IEnumerable<string> manifests, string fieldManager = "kubesim-seed")
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var created = 0;
        foreach (var manifest in manifests)
        {
            var obj = (manifest.TrimStart().StartsWith('{') ? System.Text.Json.Nodes.JsonNode.Parse(manifest) : Json.YamlToJson.ConvertSingleDocument(manifest))
                as System.Text.Json.Nodes.JsonObject ?? throw new ArgumentException("a manifest is not an object", nameof(manifests));
            var apiVersion = Json.JsonTree.GetString(obj, "apiVersion") ?? "";
            var (group, version) = apiVersion.Contains('/') ? (apiVersion[..apiVersion.IndexOf('/')], apiVersion[(apiVersion.IndexOf('/') + 1)..]) : ("", apiVersion);
            var kind = Json.JsonTree.GetString(obj, "kind") ?? "";
            var type = Registry.FindByKind(group, version, kind) ?? throw new ArgumentException($"{apiVersion} {kind} is not served", nameof(manifests));
            var ns = type.Namespaced ? Json.JsonTree.GetString(Json.JsonTree.Metadata(obj), "namespace") ?? "default" : "";
            try
            {
                Writer.Create(type, obj, new WriteRequest(version, ns, fieldManager, false));
            }
            catch (ApiException e)
            {
                throw new ArgumentException($"{kind} could not be created: {e.Message}", nameof(manifests), e);
            }
            created++;
        }
        return created;
    }

    /// <summary>How many objects of all kinds the cluster holds.</summary>
    public int CountObjects()
    {
        lock (Store.Gate)
        {
            return Registry.All.Sum(t => Store.Count(t.Key));
        }
    }

    internal Task StartAsync() => _listener.OpenAsync();

    internal async Task StopAsync()
    {
        _controller?.Dispose();
        await _listener.CloseAsync().ConfigureAwait(false);
    }
}
