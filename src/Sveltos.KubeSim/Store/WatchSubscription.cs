using System.Threading.Channels;

namespace Sveltos.KubeSim.Store;

/// <summary>A live feed of store events for one resource (or for all, when TypeKey is null), optionally one namespace.</summary>
internal sealed class WatchSubscription(ObjectStore store, string? typeKey, string? ns) : IDisposable
{
    private readonly Channel<StoreEvent> _events = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    public string? TypeKey { get; } = typeKey;

    public string? Namespace { get; } = ns;

    public ChannelReader<StoreEvent> Events => _events.Reader;

    public bool Wants(StoreEvent e) =>
        (TypeKey is null || e.Object.Type.Key == TypeKey) && (Namespace is null || e.Object.Namespace == Namespace);

    public void Publish(StoreEvent e) => _events.Writer.TryWrite(e);

    /// <summary>Ends the feed (the resource went away).</summary>
    public void Complete() => _events.Writer.TryComplete();

    public void Dispose()
    {
        store.Unsubscribe(this);
        Complete();
    }
}
