using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Drift;

/// <summary>
/// The drift watch of one cluster. A session connects, lists the records and the tracked objects,
/// and watches them; any broken connection ends the session, which is started again with backoff.
/// State (records, last seen objects, what was reported, remediations in flight) lives across
/// sessions under one lock.
/// </summary>
internal sealed class ClusterDriftWatch
{
    private const int WatchSeconds = 300;
    private static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(1);

    private readonly FleetCluster cluster;
    private readonly string name;
    private readonly IDriftObserver observer;
    private readonly IDriftRemediator? remediator;
    private readonly DriftWatchOptions options;
    private readonly object gate = new();
    private readonly Dictionary<string, DeploymentRecord> records = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectKey, (DeploymentRecord Record, RecordedObject Recorded)> tracked = [];
    private readonly Dictionary<ObjectKey, JsonObject> live = [];
    private readonly HashSet<(string Group, string Kind)> listedKinds = [];
    private readonly Dictionary<ObjectKey, string> reported = [];
    private readonly HashSet<ObjectKey> inFlight = [];
    private readonly Dictionary<ObjectKey, List<DateTimeOffset>> remediations = [];
    private readonly Dictionary<ObjectKey, DateTimeOffset> flappingUntil = [];
    private readonly Channel<DriftFinding> queue = Channel.CreateUnbounded<DriftFinding>();
    private Session? session;
    private RecordSeal seal = RecordSeal.None;

    public ClusterDriftWatch(FleetCluster cluster, IDriftObserver observer, IDriftRemediator? remediator, DriftWatchOptions options)
    {
        this.cluster = cluster;
        name = cluster.ToString();
        this.observer = observer;
        this.remediator = remediator;
        this.options = options;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var remediating = remediator is null ? Task.CompletedTask : RemediateLoopAsync(cancellationToken);
        var delay = TimeSpan.FromSeconds(1);
        var down = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var connected = false;
            try
            {
                await SessionAsync(() =>
                {
                    connected = true;
                    delay = TimeSpan.FromSeconds(1);
                    if (down)
                    {
                        down = false;
                        observer.ClusterRecovered(name);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SveltosException or HttpRequestException or IOException or System.Text.Json.JsonException or OperationCanceledException)
            {
                if (connected)
                {
                    // A watch that was working broke: reconnect at once; a cluster that is down fails the next attempt.
                    observer.Verbose($"{name}: watch interrupted ({ex.Message}); reconnecting.");
                    continue;
                }

                if (!down)
                {
                    down = true;
                    observer.ClusterFailed(name, ex as SveltosException ?? new SveltosException("ClusterUnreachable", ErrorKind.ConnectionError, $"Cluster '{name}' cannot be watched: {ex.Message}", name, "Check that the cluster is up; the watch retries with backoff.", ex));
                }

                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, options.MaxRetryDelay.TotalMilliseconds));
            }
        }

        queue.Writer.TryComplete();
        await remediating.ConfigureAwait(false);
    }

    private async Task SessionAsync(Action connected, CancellationToken cancellationToken)
    {
        var resolved = await cluster.Connection.ResolveAsync(cancellationToken).ConfigureAwait(false);
        using var client = KubeClientFactory.Create(resolved, options.ClientOptions);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var current = new Session(client, stop.Token);
        try
        {
            var configMaps = await client.ResolveResourceAsync("v1", "ConfigMap", cancellationToken).ConfigureAwait(false);
            var list = await client.ListAsync(configMaps, DeploymentRecordStore.Namespace, $"{DeploymentRecordStore.RecordLabel}=true", cancellationToken).ConfigureAwait(false);
            var currentSeal = await RecordSeal.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                seal = currentSeal;
                session = current;
                listedKinds.Clear();
                records.Clear();
                tracked.Clear();
                foreach (var item in list.Items)
                {
                    UpdateRecord(item, deleted: false);
                }
            }

            connected();
            current.Start(() => WatchRecordsAsync(current, configMaps, list.ResourceVersion));
            StartKindWatches();
            throw await current.Failures.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                if (session == current)
                {
                    session = null;
                }
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await current.StopAsync().ConfigureAwait(false);
        }
    }

    private void StartKindWatches()
    {
        lock (gate)
        {
            if (session is not { } current)
            {
                return;
            }

            foreach (var kind in tracked.Keys.GroupBy(k => (k.Group, k.Kind)).Select(g => g.First()))
            {
                if (current.WatchedKinds.Add((kind.Group, kind.Kind)))
                {
                    current.Start(() => WatchKindAsync(current, kind.ApiVersion, kind.Kind));
                }
            }
        }
    }

    private async Task WatchRecordsAsync(Session current, ApiResource configMaps, string resourceVersion)
    {
        while (!current.Token.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in current.Client.WatchAsync(configMaps, DeploymentRecordStore.Namespace, $"{DeploymentRecordStore.RecordLabel}=true", resourceVersion, WatchSeconds, current.Token).ConfigureAwait(false))
                {
                    resourceVersion = KubeObject.ResourceVersion(change.Object) is { Length: > 0 } rv ? rv : resourceVersion;
                    if (change.Type is "ADDED" or "MODIFIED" or "DELETED")
                    {
                        // The first Secret a sync deployed created the cluster's record seal after this session read it.
                        var newSeal = !seal.HasKey && change.Type != "DELETED" && DeploymentRecordStore.Read(change.Object, name) is { } written && RecordSeal.Needed(written)
                            ? await RecordSeal.ReadAsync(current.Client, current.Token).ConfigureAwait(false)
                            : null;
                        lock (gate)
                        {
                            seal = newSeal ?? seal;
                            UpdateRecord(change.Object, change.Type == "DELETED");
                        }

                        StartKindWatches();
                    }
                }
            }
            catch (KubeApiException ex) when (IsExpired(ex))
            {
                var list = await current.Client.ListAsync(configMaps, DeploymentRecordStore.Namespace, $"{DeploymentRecordStore.RecordLabel}=true", current.Token).ConfigureAwait(false);
                resourceVersion = list.ResourceVersion;
                lock (gate)
                {
                    records.Clear();
                    tracked.Clear();
                    foreach (var item in list.Items)
                    {
                        UpdateRecord(item, deleted: false);
                    }
                }

                StartKindWatches();
            }
        }
    }

    private async Task WatchKindAsync(Session current, string apiVersion, string kind)
    {
        while (!current.Token.IsCancellationRequested)
        {
            // A kind that is not served (its CRD removed) has no objects; it is looked up again later.
            if (await current.Client.FindResourceAsync(apiVersion, kind, current.Token).ConfigureAwait(false) is not { } resource)
            {
                lock (gate)
                {
                    live.Keys.Where(k => k.Kind == kind && k.Group == Group(apiVersion)).ToList().ForEach(k => live.Remove(k));
                    listedKinds.Add((Group(apiVersion), kind));
                    EvaluateKind(Group(apiVersion), kind);
                }

                await Task.Delay(TimeSpan.FromSeconds(5), current.Token).ConfigureAwait(false);
                current.Client.InvalidateDiscovery();
                continue;
            }

            var list = await current.Client.ListAsync(resource, null, Tracking.ReasonLabel, current.Token).ConfigureAwait(false);
            var resourceVersion = list.ResourceVersion;
            lock (gate)
            {
                foreach (var key in live.Keys.Where(k => k.Kind == resource.Kind && k.Group == resource.Group).ToList())
                {
                    live.Remove(key);
                }

                foreach (var item in list.Items)
                {
                    live[ObjectKey.Of(item)] = item;
                }

                listedKinds.Add((resource.Group, resource.Kind));
                EvaluateKind(resource.Group, resource.Kind);
            }

            try
            {
                while (!current.Token.IsCancellationRequested)
                {
                    await foreach (var change in current.Client.WatchAsync(resource, null, Tracking.ReasonLabel, resourceVersion, WatchSeconds, current.Token).ConfigureAwait(false))
                    {
                        resourceVersion = KubeObject.ResourceVersion(change.Object) is { Length: > 0 } rv ? rv : resourceVersion;
                        if (change.Type is not ("ADDED" or "MODIFIED" or "DELETED"))
                        {
                            continue;
                        }

                        change.Object["apiVersion"] ??= resource.ApiVersion;
                        change.Object["kind"] ??= resource.Kind;
                        var key = ObjectKey.Of(change.Object);
                        lock (gate)
                        {
                            if (change.Type == "DELETED")
                            {
                                live.Remove(key);
                            }
                            else
                            {
                                live[key] = change.Object;
                            }

                            Evaluate(key, settled: true);
                        }
                    }
                }
            }
            catch (KubeApiException ex) when (IsExpired(ex))
            {
                observer.Verbose($"{name}: {kind} watch expired (410); listing again.");
            }
        }
    }

    // Record state changes; called under the lock.
    private void UpdateRecord(JsonObject configMap, bool deleted)
    {
        var record = deleted ? null : DeploymentRecordStore.Read(configMap, name);
        var recordName = KubeObject.Name(configMap);
        records.TryGetValue(recordName, out var before);
        if (record is null || !DriftEvaluator.Watched(record, options.Profiles, options.Fleet))
        {
            records.Remove(recordName);
        }
        else
        {
            records[recordName] = record;
        }

        var previousKeys = before?.Objects.Select(o => o.Key).ToHashSet() ?? [];
        foreach (var key in previousKeys)
        {
            if (tracked.TryGetValue(key, out var t) && t.Record.Profile == before!.Profile)
            {
                tracked.Remove(key);
            }
        }

        if (records.TryGetValue(recordName, out var now))
        {
            foreach (var recorded in now.Objects)
            {
                tracked[recorded.Key] = (now, recorded);
            }

            // A sync just finished: its writes may still be on their way; compare only objects that show its result.
            if (before?.Status == DeploymentStatus.Applying && now.Status != DeploymentStatus.Applying)
            {
                foreach (var recorded in now.Objects)
                {
                    Evaluate(recorded.Key, settled: false);
                }
            }
        }

        foreach (var gone in previousKeys.Where(k => !tracked.ContainsKey(k)))
        {
            reported.Remove(gone);
        }
    }

    private void EvaluateKind(string group, string kind)
    {
        foreach (var key in tracked.Keys.Where(k => k.Kind == kind && k.Group == group).ToList())
        {
            Evaluate(key, settled: true);
        }
    }

    // Compares one tracked object with its record; called under the lock. Not settled: the record
    // changed, and the object's own event may not have arrived yet.
    private void Evaluate(ObjectKey key, bool settled)
    {
        if (!tracked.TryGetValue(key, out var t) || t.Record.Status == DeploymentStatus.Applying || inFlight.Contains(key) || !listedKinds.Contains((key.Group, key.Kind)))
        {
            return;
        }

        live.TryGetValue(key, out var obj);
        if (!settled && obj is null)
        {
            _ = RecheckLaterAsync(key);
            return;
        }

        // A sync's write can arrive before its record (two watches): an object of this profile carrying another
        // content hash than the record is that write, which the record's own event judges.
        if (obj is not null && Tracking.OwnerOf(obj) is { } owner && owner.Is(t.Record.Profile) && seal.Matches(t.Recorded.Hash, owner.Hash) != true)
        {
            return;
        }

        var verdict = DriftEvaluator.Evaluate(t.Record, t.Recorded, obj, seal);
        if (verdict is not (DriftVerdict.Modified or DriftVerdict.Deleted))
        {
            reported.Remove(key);
            return;
        }

        var signature = obj is null ? "deleted" : DriftHasher.Hash(obj, t.Record.DriftExclusions);
        if (reported.TryGetValue(key, out var earlier) && earlier == signature)
        {
            return;
        }

        reported[key] = signature;
        var finding = new DriftFinding(name, t.Record.Profile, key, verdict == DriftVerdict.Deleted ? DriftChange.Deleted : DriftChange.Modified, obj);
        observer.Drifted(finding);
        if (remediator is null)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        if (flappingUntil.TryGetValue(key, out var until) && until > now)
        {
            return;
        }

        var history = remediations.TryGetValue(key, out var h) ? h : remediations[key] = [];
        history.RemoveAll(at => now - at > options.FlapWindow);
        if (history.Count >= options.FlapLimit)
        {
            flappingUntil[key] = history[0] + options.FlapWindow;
            observer.Flapping(finding, history.Count, options.FlapWindow);
            return;
        }

        history.Add(now);
        inFlight.Add(key);
        queue.Writer.TryWrite(finding);
    }

    private async Task RecheckLaterAsync(ObjectKey key)
    {
        try
        {
            await Task.Delay(SettleDelay).ConfigureAwait(false);
            lock (gate)
            {
                Evaluate(key, settled: true);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RemediateLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var batch = new List<DriftFinding>();
                while (queue.Reader.TryRead(out var finding))
                {
                    batch.Add(finding);
                }

                foreach (var group in batch.GroupBy(f => f.Profile))
                {
                    await RemediateAsync(group.Key, group.ToList(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RemediateAsync(ProfileRef profile, List<DriftFinding> findings, CancellationToken cancellationToken)
    {
        var keys = findings.Select(f => f.Key).ToHashSet();
        IReadOnlyList<ObjectResult> results;
        try
        {
            results = await remediator!.RemediateAsync(name, profile, keys, cancellationToken).ConfigureAwait(false);
        }
        catch (SveltosException ex)
        {
            results = keys.Select(k => new ObjectResult(name, profile, k, ObjectAction.Failed, ex.Message, null)).ToList();
        }
        catch (OperationCanceledException)
        {
            lock (gate)
            {
                inFlight.ExceptWith(keys);
            }

            throw;
        }

        lock (gate)
        {
            foreach (var result in results)
            {
                inFlight.Remove(result.Key);
                if (result.DriftHash is not null && tracked.TryGetValue(result.Key, out var t))
                {
                    // The record is written right after; until its event arrives, compare with what the apply left.
                    tracked[result.Key] = (t.Record, t.Recorded with { DriftHash = result.DriftHash });
                }

                // The object as last seen is judged now if it shows this write or a later one; an older state
                // is the drift just remediated, and the write's own event (still to come) judges it.
                if (live.TryGetValue(result.Key, out var seen) && !Older(KubeObject.ResourceVersion(seen), result.ResourceVersion))
                {
                    Evaluate(result.Key, settled: true);
                }
            }
        }

        foreach (var result in results)
        {
            observer.Remediated(findings.First(f => f.Key == result.Key), result);
        }
    }

    // resourceVersions are opaque, but every API server in use issues increasing integers; otherwise nothing is older.
    private static bool Older(string seen, string? applied) =>
        long.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
        && long.TryParse(applied, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
        && a < b;

    private static bool IsExpired(KubeApiException ex) => ex.StatusCode == System.Net.HttpStatusCode.Gone || ex.Reason == "Expired";

    private static string Group(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>One connection to the cluster and the watches running on it.</summary>
    private sealed class Session(KubeClient client, CancellationToken token)
    {
        private readonly List<Task> tasks = [];

        public KubeClient Client { get; } = client;

        public CancellationToken Token { get; } = token;

        public HashSet<(string Group, string Kind)> WatchedKinds { get; } = [];

        public Channel<Exception> Failures { get; } = Channel.CreateUnbounded<Exception>();

        public void Start(Func<Task> watch)
        {
            lock (tasks)
            {
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        await watch().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (Token.IsCancellationRequested)
                    {
                    }
                    catch (Exception ex)
                    {
                        Failures.Writer.TryWrite(ex);
                    }
                }));
            }
        }

        public async Task StopAsync()
        {
            Task[] running;
            lock (tasks)
            {
                running = [.. tasks];
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }
}
