using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Runtime;

/// <summary>
/// The simulated controllers of one cluster: a short while after a workload, job or pod changes, its status reports it
/// ready (ready replicas, observedGeneration, Available/Complete conditions).
/// </summary>
internal sealed class WorkloadController : IDisposable
{
    private static readonly HashSet<string> Watched =
        ["deployments.apps", "statefulsets.apps", "daemonsets.apps", "replicasets.apps", "jobs.batch", "pods"];

    private readonly SimulatedCluster _cluster;
    private readonly TimeSpan _delay;
    private readonly WatchSubscription _changes;
    private readonly CancellationTokenSource _stop = new();

    public WorkloadController(SimulatedCluster cluster, TimeSpan delay)
    {
        _cluster = cluster;
        _delay = delay;
        _changes = cluster.Store.SubscribeAll();
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var change in _changes.Events.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (change.Type != StoreEventType.Deleted && Watched.Contains(change.Object.Type.Key))
                {
                    _ = ReconcileLaterAsync(change.Object);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the cluster.
        }
    }

    private async Task ReconcileLaterAsync(StoredObject obj)
    {
        try
        {
            await Task.Delay(_delay, _stop.Token).ConfigureAwait(false);
            var type = _cluster.Registry.FindByKey(obj.Type.Key);
            if (type is not null)
            {
                _cluster.Writer.WriteStatus(type, obj.Namespace, obj.Name, node => WorkloadStatus.Compute(node, _cluster.NodeCount), "kube-controller-manager");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the cluster.
        }
        catch (Api.ApiException)
        {
            // The object changed in a way its status cannot follow (for example it is being deleted); the next change retries.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _changes.Dispose();
    }
}
