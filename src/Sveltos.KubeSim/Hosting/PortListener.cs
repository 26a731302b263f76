using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Sveltos.KubeSim.Hosting;

/// <summary>
/// One loopback port that can be closed and re-opened: closed means the socket is gone (clients get connection refused)
/// and the connections it accepted are aborted. Accepted connections flow into the shared Kestrel server.
/// </summary>
internal sealed class PortListener(IConnectionListenerFactory sockets, ChannelWriter<ConnectionContext> sink, int port)
{
    private readonly ConcurrentDictionary<string, ConnectionContext> _connections = new();
    private readonly SemaphoreSlim _transition = new(1, 1);
    private IConnectionListener? _socket;
    private Task _acceptLoop = Task.CompletedTask;

    public int Port { get; private set; } = port;

    public bool IsOpen => _socket is not null;

    public async Task OpenAsync()
    {
        await _transition.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket is not null)
            {
                return;
            }
            _socket = await sockets.BindAsync(new IPEndPoint(IPAddress.Loopback, Port)).ConfigureAwait(false);
            Port = ((IPEndPoint)_socket.EndPoint).Port;
            _acceptLoop = AcceptLoopAsync(_socket);
        }
        finally
        {
            _transition.Release();
        }
    }

    public async Task CloseAsync()
    {
        await _transition.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket is not { } socket)
            {
                return;
            }
            _socket = null;
            await socket.UnbindAsync().ConfigureAwait(false);
            await _acceptLoop.ConfigureAwait(false);
            await socket.DisposeAsync().ConfigureAwait(false);
            foreach (var connection in _connections.Values)
            {
                connection.Abort(new ConnectionAbortedException("the simulated cluster went down"));
            }
            _connections.Clear();
        }
        finally
        {
            _transition.Release();
        }
    }

    private async Task AcceptLoopAsync(IConnectionListener socket)
    {
        try
        {
            while (await socket.AcceptAsync().ConfigureAwait(false) is { } connection)
            {
                _connections[connection.ConnectionId] = connection;
                connection.ConnectionClosed.Register(() => _connections.TryRemove(connection.ConnectionId, out _));
                if (!sink.TryWrite(connection))
                {
                    connection.Abort();
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The socket was closed while waiting for a connection: the port went down.
        }
    }
}
