using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Tests.Redaction;

/// <summary>Secrets are shown with their keys and what happens to each value, never a value or a hash of one.</summary>
public class SecretRedactorTests
{
    private const string Sentinel = "SENTINEL-PW-1";
    private const string Sentinel2 = "SENTINEL-PW-2";

    internal static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    internal static JsonObject Secret(JsonObject? data = null, JsonObject? stringData = null, JsonObject? annotations = null)
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "db", ["namespace"] = "app" },
            ["type"] = "Opaque",
        };
        if (annotations is not null)
        {
            secret["metadata"]!["annotations"] = annotations;
        }

        if (data is not null)
        {
            secret["data"] = data;
        }

        if (stringData is not null)
        {
            secret["stringData"] = stringData;
        }

        return secret;
    }

    private static string Shown(JsonObject? obj) => obj is null ? "" : YamlText.FromJson(obj);

    private static void AssertNoValue(string text, params string[] values)
    {
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, text);
            Assert.DoesNotContain(B64(value), text);
        }
    }

    [Fact]
    public void Each_key_shows_whether_its_value_changed_was_added_removed_or_kept()
    {
        var live = Secret(new JsonObject { ["password"] = B64(Sentinel), ["user"] = B64("admin"), ["legacy"] = B64("old-token") });
        var desired = Secret(new JsonObject { ["password"] = B64(Sentinel2), ["user"] = B64("admin"), ["token"] = B64("new-token") });

        var (before, after) = SecretRedactor.ForDiff(live, desired);

        Assert.Equal(new JsonObject { ["legacy"] = "(removed)", ["password"] = "(old value)", ["user"] = "(unchanged)" }.ToJsonString(), before!["data"]!.ToJsonString());
        Assert.Equal(new JsonObject { ["password"] = "(value changed)", ["token"] = "(added)", ["user"] = "(unchanged)" }.ToJsonString(), after!["data"]!.ToJsonString());
        AssertNoValue(Shown(before) + Shown(after), Sentinel, Sentinel2, "admin", "old-token", "new-token");
    }

    [Fact]
    public void A_unified_diff_of_the_two_sides_names_the_changed_key_only_by_name()
    {
        var live = Secret(new JsonObject { ["password"] = B64(Sentinel), ["user"] = B64("admin") });
        var desired = Secret(new JsonObject { ["password"] = B64(Sentinel2), ["user"] = B64("admin") });
        var (before, after) = SecretRedactor.ForDiff(live, desired);

        var diff = UnifiedDiff.Create(Shown(before), Shown(after), "live", "desired");

        Assert.Contains("-  password: (old value)", diff);
        Assert.Contains("+  password: (value changed)", diff);
        Assert.Contains("   user: (unchanged)", diff);
        AssertNoValue(diff, Sentinel, Sentinel2, "admin");
    }

    [Fact]
    public void A_stringData_key_with_the_value_data_holds_is_unchanged_and_stringData_is_shown_as_the_data_it_becomes()
    {
        var live = Secret(new JsonObject { ["password"] = B64(Sentinel) });
        var desired = Secret(stringData: new JsonObject { ["password"] = Sentinel, ["extra"] = Sentinel2 });

        var (before, after) = SecretRedactor.ForDiff(live, desired);

        Assert.Equal("(unchanged)", after!["data"]!["password"]!.GetValue<string>());
        Assert.Equal("(added)", after["data"]!["extra"]!.GetValue<string>());
        Assert.Null(after["stringData"]);
        Assert.Equal("(unchanged)", before!["data"]!["password"]!.GetValue<string>());
        AssertNoValue(Shown(before) + Shown(after), Sentinel, Sentinel2);
    }

    [Fact]
    public void A_secret_that_is_created_or_deleted_shows_every_key_added_or_removed()
    {
        var secret = Secret(new JsonObject { ["password"] = B64(Sentinel) }, new JsonObject { ["pin"] = "1234" });

        var (_, created) = SecretRedactor.ForDiff(null, secret);
        var (deleted, _) = SecretRedactor.ForDiff(secret, null);

        Assert.Equal(new JsonObject { ["password"] = "(added)", ["pin"] = "(added)" }.ToJsonString(), created!["data"]!.ToJsonString());
        Assert.Equal(new JsonObject { ["password"] = "(removed)", ["pin"] = "(removed)" }.ToJsonString(), deleted!["data"]!.ToJsonString());
        AssertNoValue(Shown(created) + Shown(deleted), Sentinel, "1234");
    }

    [Fact]
    public void The_annotations_that_hold_the_values_or_a_hash_of_them_are_marked_like_values()
    {
        var lastApplied = Secret(new JsonObject { ["password"] = B64(Sentinel) }).ToJsonString();
        var live = Secret(new JsonObject { ["password"] = B64(Sentinel) }, annotations: new JsonObject
        {
            [SecretRedactor.LastAppliedAnnotation] = lastApplied,
            [Tracking.Hash] = "sha256:0123",
            ["team"] = "payments",
        });
        var desired = Secret(new JsonObject { ["password"] = B64(Sentinel2) }, annotations: new JsonObject
        {
            [SecretRedactor.LastAppliedAnnotation] = lastApplied,
            [Tracking.Hash] = "sha256:4567",
            ["team"] = "payments",
        });

        var (before, after) = SecretRedactor.ForDiff(live, desired);

        Assert.Equal("(unchanged)", after!["metadata"]!["annotations"]![SecretRedactor.LastAppliedAnnotation]!.GetValue<string>());
        Assert.Equal("(old value)", before!["metadata"]!["annotations"]![Tracking.Hash]!.GetValue<string>());
        Assert.Equal("(value changed)", after["metadata"]!["annotations"]![Tracking.Hash]!.GetValue<string>());
        Assert.Equal("payments", after["metadata"]!["annotations"]!["team"]!.GetValue<string>());
        var shown = Shown(before) + Shown(after);
        AssertNoValue(shown, Sentinel, Sentinel2);
        Assert.DoesNotContain("sha256:", shown);
    }

    [Fact]
    public void Other_objects_are_left_as_they_are()
    {
        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "x" }, ["data"] = new JsonObject { ["a"] = "b" } };
        var (before, after) = SecretRedactor.ForDiff(configMap, configMap);
        Assert.Same(configMap, before);
        Assert.Same(configMap, after);
        Assert.Same(configMap, SecretRedactor.Redact(configMap));

        var custom = Secret(new JsonObject { ["a"] = B64(Sentinel) });
        custom["apiVersion"] = "example.com/v1";
        Assert.Same(custom, SecretRedactor.Redact(custom));
    }

    [Fact]
    public void A_preview_shows_every_key_and_no_value_and_leaves_the_object_alone()
    {
        var secret = Secret(new JsonObject { ["password"] = B64(Sentinel) }, new JsonObject { ["pin"] = Sentinel2 }, new JsonObject { [SecretRedactor.LastAppliedAnnotation] = "{\"data\":{\"password\":\"" + B64(Sentinel) + "\"}}" });
        var original = secret.ToJsonString();

        var shown = SecretRedactor.Redact(secret);

        Assert.Equal(new JsonObject { ["password"] = "(redacted)", ["pin"] = "(redacted)" }.ToJsonString(), shown["data"]!.ToJsonString());
        Assert.Equal("(redacted)", shown["metadata"]!["annotations"]![SecretRedactor.LastAppliedAnnotation]!.GetValue<string>());
        Assert.Equal("Opaque", shown["type"]!.GetValue<string>());
        AssertNoValue(Shown(shown), Sentinel, Sentinel2);
        Assert.Equal(original, secret.ToJsonString());
    }
}
