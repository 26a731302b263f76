using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Sveltos.KubeSim.Hosting;

/// <summary>
/// Kestrel's view of many ports as one listener: connections from every <see cref="PortListener"/> of the group are
/// handed to Kestrel from a channel, so ports can come and go while the server runs.
/// </summary>
internal sealed class PortGroup(PortGroupEndPoint endPoint) : IConnectionListener
{
    private readonly Channel<ConnectionContext> _accepted = Channel.CreateUnbounded<ConnectionContext>();

    public EndPoint EndPoint => endPoint;

    public ChannelWriter<ConnectionContext> Sink => _accepted.Writer;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _accepted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        _accepted.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _accepted.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
