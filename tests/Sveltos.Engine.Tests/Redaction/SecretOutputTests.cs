using System.Text.Json.Nodes;
using Sveltos.Engine.Content;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Templates;
using Sveltos.Engine.Tests.Support;
using static Sveltos.Engine.Tests.Redaction.SecretRedactorTests;

namespace Sveltos.Engine.Tests.Redaction;

/// <summary>The engine's paths from a Secret to the user (diffs, content errors) carry no Secret value.</summary>
public sealed class SecretOutputTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>, IDisposable
{
    private const string Sentinel = "SENTINEL-PW-1";
    private const string Sentinel2 = "SENTINEL-PW-2";
    private readonly FleetFolder folder = new(sim);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_diff_against_the_servers_dry_run_names_the_changed_key_without_either_value()
    {
        using var c1 = sim.Client("c1");
        var secrets = await c1.ResolveResourceAsync("v1", "Secret", CancellationToken.None);
        var original = Secret(new JsonObject { ["password"] = B64(Sentinel), ["user"] = B64("admin") });
        original["metadata"]!["namespace"] = "default";
        var live = await c1.ApplyAsync(secrets, original, "test", force: true, dryRun: false, CancellationToken.None);
        var desired = Secret(stringData: new JsonObject { ["password"] = Sentinel2, ["user"] = "admin" });
        desired["metadata"]!["namespace"] = "default";
        var key = new ObjectKey("v1", "Secret", "default", "db");
        var change = new PlannedChange(key, ObjectAction.WouldUpdate, new DesiredObject(key, desired, new SourceRef("ConfigMap", "fleet", "db"), "sha256:1"), live, "");

        var diff = await ObjectDiffer.DiffAsync(c1, change, CancellationToken.None);

        Assert.Contains("+  password: (value changed)", diff);
        Assert.Contains("   user: (unchanged)", diff);
        foreach (var value in new[] { Sentinel, Sentinel2, "admin" })
        {
            Assert.DoesNotContain(value, diff);
            Assert.DoesNotContain(B64(value), diff);
        }
    }

    [Fact]
    public async Task A_template_error_in_content_held_in_a_secret_quotes_none_of_it()
    {
        folder.Cluster("c1", "{env: prod}");
        ContentSecret("db", $"""
            apiVersion: v1
            kind: Secret
            metadata: {"{"}name: db, namespace: app{"}"}
            stringData:
              password: {Sentinel}-{"{{"} .Cluster.metadata.labels.{Sentinel2} {"}}"}
            """, templated: true);
        folder.Profile("db", "{env: prod}", "[{kind: Secret, name: db}]");

        var error = await Assert.ThrowsAsync<TemplateException>(() => ResolveAsync("db"));

        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
        Assert.StartsWith("Secret fleet/db key 'secret.yaml' (5,", error.Message);
        Assert.Contains("withheld because the content is held in a Secret", error.Message);
        Assert.DoesNotContain("SENTINEL", error.Message);
    }

    [Fact]
    public async Task A_yaml_error_in_content_held_in_a_secret_gives_its_position_only()
    {
        folder.Cluster("c1", "{env: prod}");
        ContentSecret("broken", $"""
            apiVersion: v1
            kind: Secret
            metadata: {"{"}name: db, namespace: app{"}"}
            stringData: {"{"}password: '{Sentinel}{"}"}
            """);
        folder.Profile("broken", "{env: prod}", "[{kind: Secret, name: broken}]");

        var error = await Assert.ThrowsAsync<ContentException>(() => ResolveAsync("broken"));

        Assert.Equal("ContentMalformed", error.ErrorId);
        Assert.Matches(@"key 'secret\.yaml': document 0 is not valid YAML at line \d+, column \d+: the details are withheld", error.Message);
        Assert.DoesNotContain("SENTINEL", error.Message);
    }

    [Fact]
    public async Task A_template_that_fails_on_a_value_of_a_secret_it_reads_does_not_quote_the_value()
    {
        folder.Cluster("c1", "{env: prod}");
        folder.Write("content/creds.yaml", $"""
            apiVersion: v1
            kind: Secret
            metadata: {"{"}name: creds, namespace: fleet{"}"}
            data: {"{"}password: {B64(Sentinel)}{"}"}
            """);
        folder.Write("content/uses-creds.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: uses-creds
              namespace: fleet
              annotations: {projectsveltos.io/template: ok}
            data:
              app.yaml: |
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: port, namespace: app}
                data: {port: '{{ (getResource "Creds").data.password | b64dec | mustToDate "2006-01-02" }}'}
            """);
        folder.Profile("uses-creds", "{env: prod}", "[{kind: ConfigMap, name: uses-creds}]", """
              templateResourceRefs:
              - identifier: Creds
                resource: {kind: Secret, name: creds}
            """);

        var error = await Assert.ThrowsAsync<TemplateException>(() => ResolveAsync("uses-creds"));

        Assert.Equal(TemplateErrorIds.FunctionError, error.ErrorId);
        Assert.Contains("(redacted)", error.Message);
        Assert.DoesNotContain(Sentinel, error.Message);
        Assert.DoesNotContain(B64(Sentinel), error.Message);
    }

    /// <summary>Content held in a Secret of the fleet, its manifests under the key secret.yaml.</summary>
    private void ContentSecret(string name, string manifests, bool templated = false)
    {
        var indented = string.Join("\n", manifests.Split('\n').Select(l => "    " + l));
        var annotations = templated ? "\n  annotations: {projectsveltos.io/template: ok}" : "";
        folder.Write($"content/{name}.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: fleet{annotations}\ntype: {PolicyRefSource.SecretType}\nstringData:\n  secret.yaml: |\n{indented}\n");
    }

    private async Task<ContentResult> ResolveAsync(string profile)
    {
        using var fleet = folder.Open();
        var document = (await fleet.GetProfilesAsync(CancellationToken.None)).Profiles.Single(p => p.Name == profile);
        var cluster = (await fleet.GetClustersAsync(CancellationToken.None)).Single(c => c.Name == "c1");
        return await ContentPipeline.ResolveAsync(document, cluster, fleet, _ => Task.FromResult<string?>("v1.30.0"), CancellationToken.None);
    }
}
