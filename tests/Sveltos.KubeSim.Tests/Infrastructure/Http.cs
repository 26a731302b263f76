using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Sveltos.KubeSim.Tests.Infrastructure;

/// <summary>HttpClients for talking to a simulated cluster directly: trusting the KubeSim CA, with the cluster token.</summary>
public static class Http
{
    public static HttpClient For(KubeSimServer server, SimulatedCluster cluster, bool withToken = true)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (server.CertificateAuthorityPem is { } pem)
        {
            var ca = X509Certificate2.CreateFromPem(pem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(new X509Certificate2(certificate));
            };
        }
        var client = new HttpClient(handler) { BaseAddress = cluster.Server, Timeout = TimeSpan.FromSeconds(10) };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.Token);
        }
        return client;
    }

    public static HttpClient Control(KubeSimServer server, bool withToken = true)
    {
        var client = new HttpClient { BaseAddress = server.ControlUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ControlToken);
        }
        return client;
    }
}
