using k8s;
using k8s.KubeConfigModels;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Builds clients from kubeconfig contexts. KubernetesClient handles the transport security:
/// CA data or file, client certificates, tokens and exec credential plugins.
/// </summary>
public static class KubeClientFactory
{
    public static KubeClient Create(ResolvedContext context, KubeClientOptions? options = null)
    {
        options ??= KubeClientOptions.Default;
        var configuration = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = context.Name,
            Contexts = [new Context { Name = context.Name, ContextDetails = new ContextDetails { Cluster = "c", User = "u", Namespace = context.Namespace } }],
            Clusters = [new Cluster { Name = "c", ClusterEndpoint = Endpoint(context.Cluster) }],
            Users = [new User { Name = "u", UserCredentials = Credentials(context.User) }],
        };

        Kubernetes kubernetes;
        try
        {
            var clientConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigObject(configuration, context.Name);
            clientConfiguration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
            clientConfiguration.UserAgent = options.UserAgent;
            kubernetes = new Kubernetes(clientConfiguration);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or FormatException or System.Security.Cryptography.CryptographicException or ArgumentException or UriFormatException)
        {
            // The library's messages describe the problem, never the credential's content.
            throw new SveltosException(
                "KubeconfigInvalidEntry",
                ErrorKind.InvalidData,
                $"Kubeconfig '{context.Context.SourceFile}': context '{context.Name}' cannot be used: {ex.Message}",
                context.Name,
                "Check the cluster's server, certificate authority and the user's credentials in the kubeconfig.",
                ex);
        }

        return new KubeClient(kubernetes, context.Name, context.Namespace, options);
    }

    private static ClusterEndpoint Endpoint(KubeconfigCluster cluster) => new()
    {
        Server = cluster.Server,
        CertificateAuthorityData = cluster.CertificateAuthorityData,
        CertificateAuthority = cluster.CertificateAuthorityFile,
        SkipTlsVerify = cluster.InsecureSkipTlsVerify,
        TlsServerName = cluster.TlsServerName,
    };

    private static UserCredentials Credentials(KubeconfigUser user) => new()
    {
        Token = user.ResolveToken(),
        ClientCertificateData = user.ClientCertificateData,
        ClientCertificate = user.ClientCertificateFile,
        ClientKeyData = user.ClientKeyData,
        ClientKey = user.ClientKeyFile,
        UserName = user.Username,
        Password = user.Password,
        ExternalExecution = user.Exec is { } exec
            ? new ExternalExecution
            {
                ApiVersion = exec.ApiVersion ?? "client.authentication.k8s.io/v1",
                Command = exec.Command,
                Arguments = exec.Args.ToList(),
                EnvironmentVariables = exec.Env.Select(kv => new Dictionary<string, string> { ["name"] = kv.Key, ["value"] = kv.Value }).ToList(),
                InstallHint = exec.InstallHint,
            }
            : null,
    };
}
