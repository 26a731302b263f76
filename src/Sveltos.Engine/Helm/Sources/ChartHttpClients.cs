using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sveltos.Engine.Helm.Sources;

/// <summary>One HTTP client per TLS setup (CA file, client certificate, skip-verify), shared by every download.</summary>
internal sealed class ChartHttpClients : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> _clients = new(StringComparer.Ordinal);
    private readonly Func<HttpMessageHandler>? _handlerFactory;

    /// <param name="handlerFactory">A handler to use instead of the network's (tests); TLS options are then ignored.</param>
    public ChartHttpClients(Func<HttpMessageHandler>? handlerFactory = null) => _handlerFactory = handlerFactory;

    public HttpClient For(ChartSourceOptions options) =>
        _clients.GetOrAdd(options.TlsKey, _ => new Lazy<HttpClient>(() => Create(options))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private HttpClient Create(ChartSourceOptions options)
    {
        var handler = _handlerFactory?.Invoke() ?? CreateHandler(options);
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Sveltos-Helm/3");
        return client;
    }

    private static SocketsHttpHandler CreateHandler(ChartSourceOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.CertFile is not null)
        {
            var certificate = X509Certificate2.CreateFromPemFile(options.CertFile, options.KeyFile);
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        }

        if (options.InsecureSkipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (options.CaFile is not null)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(options.CaFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && ChainsTo(certificate, authorities, errors);
        }

        return handler;
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection authorities, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
