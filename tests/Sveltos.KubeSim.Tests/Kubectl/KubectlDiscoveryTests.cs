using System.Text.Json;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Kubectl;

public sealed class KubectlDiscoveryTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task Version_reports_the_cluster_version()
    {
        fixture.Server["dev-1"].SetVersion("v1.29.4");

        var result = (await fixture.Kubectl("dev-1").RunAsync("version", "-o", "json")).Succeeded();

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("v1.29.4", json.RootElement.GetProperty("serverVersion").GetProperty("gitVersion").GetString());
        Assert.Equal("29", json.RootElement.GetProperty("serverVersion").GetProperty("minor").GetString());
    }

    [Fact]
    public async Task Api_resources_lists_built_ins_with_short_names_and_groups()
    {
        var result = (await fixture.Kubectl().RunAsync("api-resources", "--no-headers")).Succeeded();

        var rows = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(rows, r => r[0] == "configmaps" && r[1] == "cm" && r[2] == "v1" && r[3] == "true");
        Assert.Contains(rows, r => r[0] == "deployments" && r[1] == "deploy" && r[2] == "apps/v1");
        Assert.Contains(rows, r => r[0] == "clusterrolebindings" && r[1] == "rbac.authorization.k8s.io/v1" && r[2] == "false");
        Assert.Contains(rows, r => r[0] == "customresourcedefinitions" && r[1] == "crd,crds");
        Assert.Contains(rows, r => r[0] == "ingresses" && r[2] == "networking.k8s.io/v1");
        Assert.Contains(rows, r => r[0] == "jobs" && r[1] == "batch/v1");
    }

    [Fact]
    public async Task Get_prints_server_side_tables()
    {
        var nodes = (await fixture.Kubectl("mgmt").RunAsync("get", "nodes")).Succeeded();
        var namespaces = (await fixture.Kubectl("mgmt").RunAsync("get", "namespaces")).Succeeded();

        Assert.Matches(@"NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION", nodes.Output);
        Assert.Matches(@"mgmt-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0", nodes.Output);
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Assert.Matches($@"{ns}\s+Active", namespaces.Output);
        }
    }

    [Fact]
    public async Task Each_context_is_a_separate_cluster()
    {
        var prod = (await fixture.Kubectl("prod-1").RunAsync("get", "nodes", "-o", "name")).Succeeded();
        var dev = (await fixture.Kubectl("dev-1").RunAsync("get", "nodes", "-o", "name")).Succeeded();
        var contexts = (await fixture.Kubectl().RunAsync("config", "get-contexts", "-o", "name")).Succeeded();

        Assert.Equal("node/prod-1-control-plane", prod.Output.Trim());
        Assert.Equal("node/dev-1-control-plane", dev.Output.Trim());
        Assert.Equal(["dev-1", "mgmt", "prod-1"], contexts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }
}
