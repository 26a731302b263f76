using System.Threading.Channels;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// Tells when anything in a fleet changed: files of a fleet directory, or cluster, profile,
/// ConfigMap and Secret objects of a management cluster (watched, resumed, re-listed on 410).
/// </summary>
public sealed class FleetChangeFeed : IDisposable
{
    private static readonly (string ApiVersion, string Kind)[] WatchedKinds =
    [
        (SveltosCrds.SveltosCluster.ApiVersion, "SveltosCluster"),
        ("cluster.x-k8s.io/v1beta1", "Cluster"),
        (SveltosCrds.ClusterProfile.ApiVersion, "ClusterProfile"),
        (SveltosCrds.Profile.ApiVersion, "Profile"),
        (SveltosCrds.Classifier.ApiVersion, "Classifier"),
        ("v1", "ConfigMap"),
        ("v1", "Secret"),
    ];

    private readonly Channel<string> changes = Channel.CreateUnbounded<string>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string ApiVersion, string Kind), bool> watching = new();
    private readonly KubeClient? management;
    private readonly CancellationTokenSource stop = new();
    private readonly FileSystemWatcher? files;

    private FleetChangeFeed(IFleet fleet)
    {
        switch (fleet)
        {
            case DirectoryFleet directory:
                files = new FileSystemWatcher(directory.Root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
                files.Changed += (_, e) => changes.Writer.TryWrite(e.FullPath);
                files.Created += (_, e) => changes.Writer.TryWrite(e.FullPath);
                files.Deleted += (_, e) => changes.Writer.TryWrite(e.FullPath);
                files.Renamed += (_, e) => changes.Writer.TryWrite(e.FullPath);
                break;
            case ManagementClusterFleet managementFleet:
                management = managementFleet.Management;
                foreach (var (apiVersion, kind) in WatchedKinds)
                {
                    Watch(apiVersion, kind);
                }

                break;
        }
    }

    public static FleetChangeFeed Subscribe(IFleet fleet) => new(fleet);

    /// <summary>
    /// Also watches the kinds the profiles fetch for templates (templateResourceRefs), so that a
    /// provider filling in a resource's status re-renders what depends on it.
    /// </summary>
    public void WatchTemplateResources(IEnumerable<Profiles.ClusterProfileDocument> profiles)
    {
        foreach (var reference in profiles.SelectMany(p => p.Spec.TemplateResourceRefs))
        {
            Watch(reference.Resource.ApiVersion ?? "v1", reference.Resource.Kind);
        }
    }

    private void Watch(string apiVersion, string kind)
    {
        if (management is not null && watching.TryAdd((apiVersion, kind), true))
        {
            _ = Task.Run(() => WatchKindAsync(management, apiVersion, kind, stop.Token));
        }
    }

    /// <summary>
    /// Waits for a change (then for <paramref name="quiet"/> without further changes, so a burst
    /// counts once) and returns what changed; null when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<string?> WaitAsync(TimeSpan timeout, TimeSpan quiet, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string first;
        try
        {
            first = await changes.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var count = 1;
        while (true)
        {
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            settle.CancelAfter(quiet);
            try
            {
                await changes.Reader.ReadAsync(settle.Token).ConfigureAwait(false);
                count++;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return count == 1 ? first : $"{first} and {count - 1} other change(s)";
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        files?.Dispose();
        stop.Dispose();
    }

    private async Task WatchKindAsync(KubeClient client, string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        var reconnecting = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Kinds that are not served yet (CRDs installed later) are looked up again each round.
                var resource = await client.FindResourceAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
                if (resource is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var list = await client.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
                var resourceVersion = list.ResourceVersion;
                if (reconnecting)
                {
                    // Changes made while the watch was broken were not seen one by one.
                    changes.Writer.TryWrite($"{kind} objects re-listed after the watch was interrupted");
                    reconnecting = false;
                }

                while (!cancellationToken.IsCancellationRequested)
                {
                    await foreach (var change in client.WatchAsync(resource, null, null, resourceVersion, 300, cancellationToken).ConfigureAwait(false))
                    {
                        resourceVersion = KubeObject.ResourceVersion(change.Object) is { Length: > 0 } rv ? rv : resourceVersion;
                        if (change.Type != "BOOKMARK")
                        {
                            changes.Writer.TryWrite($"{kind} {KubeObject.Namespace(change.Object)}/{KubeObject.Name(change.Object)} {change.Type.ToLowerInvariant()}");
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SveltosException or HttpRequestException or IOException or System.Text.Json.JsonException)
            {
                // 410 Gone or a dropped connection: re-list and watch again after a short pause.
                reconnecting = true;
                try
                {
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
