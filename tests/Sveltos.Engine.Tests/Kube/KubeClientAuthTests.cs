using System.Net;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Kube;

/// <summary>Every way a kubeconfig can carry credentials reaches KubeSim, and failures never show the secret.</summary>
public sealed class KubeClientAuthTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sveltos-auth-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task An_exec_credential_plugin_supplies_the_token()
    {
        var plugin = Path.Combine(directory, "get-token.sh");
        File.WriteAllText(plugin, $"#!/bin/sh\necho '{{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"{sim.Server["c1"].Token}\"}}}}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var version = await ConnectAsync($"""
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {plugin}
            """);

        Assert.Equal(sim.Server["c1"].Version, version);
    }

    [Fact]
    public async Task A_token_file_and_a_certificate_authority_file_are_read()
    {
        File.WriteAllText(Path.Combine(directory, "token"), sim.Server["c1"].Token + "\n");

        var version = await ConnectAsync("""
            users:
            - name: u
              user: {tokenFile: token}
            """, caFromFile: true);

        Assert.Equal(sim.Server["c1"].Version, version);
    }

    [Fact]
    public async Task A_rejected_token_is_reported_without_revealing_it()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => ConnectAsync("""
            users:
            - name: u
              user: {token: WRONG-SECRET-TOKEN}
            """));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.DoesNotContain("WRONG-SECRET-TOKEN", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> ConnectAsync(string users, bool caFromFile = false)
    {
        var server = sim.Server["c1"].Server.ToString().TrimEnd('/');
        var caData = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sim.Server.CertificateAuthorityPem!));
        var ca = caFromFile ? "certificate-authority: ca.crt" : $"certificate-authority-data: {caData}";
        File.WriteAllText(Path.Combine(directory, "ca.crt"), sim.Server.CertificateAuthorityPem);
        var path = Path.Combine(directory, "config");
        File.WriteAllText(path, $"""
            clusters:
            - name: c
              cluster: {"{"}server: {server}, {ca}{"}"}
            contexts:
            - name: c
              context: {"{"}cluster: c, user: u{"}"}
            {users}
            """);
        using var client = KubeClientFactory.Create(KubeconfigLoader.LoadFiles([path]).Resolve("c"));
        return await client.GetServerVersionAsync(CancellationToken.None);
    }
}
