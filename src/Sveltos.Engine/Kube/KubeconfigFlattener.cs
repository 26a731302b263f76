using System.Text;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Writes one context as a self-contained kubeconfig (files it references are embedded as data), the
/// form a kubeconfig takes in a cluster Secret. The result holds credentials: store it, never print it.
/// </summary>
public static class KubeconfigFlattener
{
    public static string Flatten(ResolvedContext context, string name)
    {
        var cluster = new JsonObject { ["server"] = context.Cluster.Server };
        SetData(cluster, "certificate-authority-data", context.Cluster.CertificateAuthorityData, context.Cluster.CertificateAuthorityFile, context);
        if (context.Cluster.InsecureSkipTlsVerify)
        {
            cluster["insecure-skip-tls-verify"] = true;
        }

        SetText(cluster, "tls-server-name", context.Cluster.TlsServerName);
        SetText(cluster, "proxy-url", context.Cluster.ProxyUrl);

        var user = new JsonObject();
        SetText(user, "token", context.User.ResolveToken());
        SetData(user, "client-certificate-data", context.User.ClientCertificateData, context.User.ClientCertificateFile, context);
        SetData(user, "client-key-data", context.User.ClientKeyData, context.User.ClientKeyFile, context);
        SetText(user, "username", context.User.Username);
        SetText(user, "password", context.User.Password);
        if (context.User.Exec is { } exec)
        {
            var execNode = new JsonObject
            {
                ["apiVersion"] = exec.ApiVersion ?? "client.authentication.k8s.io/v1",
                ["command"] = exec.Command,
                ["args"] = new JsonArray(exec.Args.Select(a => (JsonNode)a).ToArray()),
                ["env"] = new JsonArray(exec.Env.Select(kv => (JsonNode)new JsonObject { ["name"] = kv.Key, ["value"] = kv.Value }).ToArray()),
            };
            SetText(execNode, "installHint", exec.InstallHint);
            user["exec"] = execNode;
        }

        var contextNode = new JsonObject { ["cluster"] = name, ["user"] = name };
        SetText(contextNode, "namespace", context.Context.Namespace);
        var config = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["current-context"] = name,
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = name, ["cluster"] = cluster }),
            ["users"] = new JsonArray(new JsonObject { ["name"] = name, ["user"] = user }),
            ["contexts"] = new JsonArray(new JsonObject { ["name"] = name, ["context"] = contextNode }),
        };
        return config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static void SetText(JsonObject target, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[key] = value;
        }
    }

    private static void SetData(JsonObject target, string key, string? data, string? file, ResolvedContext context) =>
        SetText(target, key, data ?? (file is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Read(file, context)))));

    private static string Read(string file, ResolvedContext context)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SveltosException(
                "KubeconfigUnreadable",
                ErrorKind.ReadError,
                $"Kubeconfig '{context.Context.SourceFile}': context '{context.Name}' references '{file}', which cannot be read: {ex.Message}",
                context.Name,
                "Check that the referenced certificate, key or token file exists and is readable.",
                ex);
        }
    }
}
