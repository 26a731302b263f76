using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sveltos.Engine.Tests.Helm.Sources;

/// <summary>A request as the loopback server received it.</summary>
internal sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";

    public string? Authorization => Headers.GetValueOrDefault("authorization");
}

/// <summary>The answer to a request.</summary>
internal sealed record LoopbackResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Text(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, Encoding.UTF8.GetBytes(body), headers.ToDictionary(h => h.Name, h => h.Value));
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (optionally TLS with a given certificate), one request per connection, that
/// answers with a handler and records every request. Requests carry no body (GET/HEAD only).
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, LoopbackResponse> _handler;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler, X509Certificate2? certificate = null, int port = 0)
    {
        _handler = handler;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}";

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(_certificate);
                    stream = ssl;
                }

                var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync();
                if (string.IsNullOrEmpty(requestLine))
                {
                    return;
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                {
                    var colon = line.IndexOf(':');
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }

                var parts = requestLine.Split(' ');
                var request = new LoopbackRequest(parts[0], parts[1], headers);
                Requests.Enqueue(request);
                var response = _handler(request);
                var head = new StringBuilder($"HTTP/1.1 {response.Status} Status\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n");
                foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
                if (request.Method != "HEAD")
                {
                    await stream.WriteAsync(response.Body);
                }

                await stream.FlushAsync();
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or SocketException)
            {
                // A client that rejected our certificate or hung up: nothing to answer.
            }
        }
    }
}
