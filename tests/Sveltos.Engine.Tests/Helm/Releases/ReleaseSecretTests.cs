using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Helm.Releases;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Tests.Helm.Releases;

public class ReleaseSecretTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 2, 8, 0, 1, TimeSpan.Zero);

    private static Release Web() => ReleaseCodec.FromJson(HelmReleaseFixture.Json) with
    {
        Labels = new Dictionary<string, string> { ["team"] = "blue" },
    };

    [Fact]
    public void A_release_is_stored_in_a_Secret_named_typed_and_labelled_as_Helm_does()
    {
        var secret = ReleaseSecret.Build(Web(), Now);

        Assert.Equal(("v1", "Secret"), (KubeObject.ApiVersion(secret), KubeObject.Kind(secret)));
        Assert.Equal("sh.helm.release.v1.web.v2", KubeObject.Name(secret));
        Assert.Equal("apps", KubeObject.Namespace(secret));
        Assert.Equal("helm.sh/release.v1", KubeObject.Text(secret["type"]));
        Assert.Equal(
            new Dictionary<string, string> { ["modifiedAt"] = "1717315201", ["name"] = "web", ["owner"] = "helm", ["status"] = "deployed", ["team"] = "blue", ["version"] = "2" },
            KubeObject.Labels(secret));
    }

    [Fact]
    public void The_Secret_data_is_the_encoded_release_which_the_API_holds_in_base64_again()
    {
        var secret = ReleaseSecret.Build(Web(), Now);

        var apiValue = KubeObject.Text(secret["data"]?["release"]);
        var helmText = Encoding.ASCII.GetString(Convert.FromBase64String(apiValue));
        var json = Encoding.UTF8.GetString(HelmReleaseFixture.Gunzip(Convert.FromBase64String(helmText)));

        Assert.Equal(HelmReleaseFixture.Json, json);
    }

    [Fact]
    public void A_Secret_as_the_API_returns_it_reads_back_with_its_labels_and_the_user_labels_on_the_release()
    {
        var secret = ReleaseSecret.Build(Web(), Now);
        secret["metadata"]!["labels"]!["createdAt"] = "1717315100";
        secret["metadata"]!["resourceVersion"] = "42";

        var stored = ReleaseSecret.Read(JsonNode.Parse(secret.ToJsonString())!.AsObject());

        Assert.Equal("sh.helm.release.v1.web.v2", stored.SecretName);
        Assert.Equal(ReleaseStatus.Deployed, stored.StatusLabel);
        Assert.Equal("1717315100", stored.Labels["createdAt"]);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue" }, stored.Release.Labels);
        Assert.Equal(HelmReleaseFixture.Json, ReleaseCodec.ToJson(stored.Release));
    }

    [Fact]
    public void A_Secret_written_by_Helm_reads_back()
    {
        var secret = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "sh.helm.release.v1.web.v2", ["labels"] = new JsonObject { ["name"] = "web", ["owner"] = "helm", ["status"] = "deployed", ["version"] = "2" } },
            ["type"] = "helm.sh/release.v1",
            ["data"] = new JsonObject { ["release"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(HelmReleaseFixture.Encoded())) },
        };

        var stored = ReleaseSecret.Read(secret);

        Assert.Equal(2, stored.Release.Version);
        Assert.Empty(stored.Release.Labels);
    }

    [Fact]
    public void Superseding_a_revision_changes_its_status_label_and_info_status_and_nothing_else()
    {
        var built = ReleaseSecret.Build(Web(), Now.AddDays(-1));
        built["metadata"]!["labels"]!["createdAt"] = "1717228000";
        var previous = ReleaseSecret.Read(built);

        var update = ReleaseSecret.Superseded(previous, Now);
        var after = ReleaseSecret.Read(update);

        Assert.Equal(previous.SecretName, KubeObject.Name(update));
        Assert.Equal(
            new Dictionary<string, string> { ["createdAt"] = "1717228000", ["modifiedAt"] = "1717315201", ["name"] = "web", ["owner"] = "helm", ["status"] = "superseded", ["team"] = "blue", ["version"] = "2" },
            KubeObject.Labels(update));
        Assert.Equal(ReleaseStatus.Superseded, after.Release.Info.Status);
        Assert.Equal("Upgrade complete", after.Release.Info.Description);
        Assert.Equal(
            HelmReleaseFixture.Json.Replace("\"status\":\"deployed\"", "\"status\":\"superseded\"", StringComparison.Ordinal),
            ReleaseCodec.ToJson(after.Release));
    }
}
