using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Tests.Selection;

public class LabelSelectorMappingTests
{
    [Fact]
    public void Builds_from_a_yaml_mapping_with_labels_and_expressions()
    {
        var selector = LabelSelector.FromMappingText("""
            matchLabels:
              env: prod
            matchExpressions:
              - {key: tier, operator: In, values: [web, api]}
              - key: legacy
                operator: DoesNotExist
            """);

        Assert.Equal("env=prod,!legacy,tier in (api,web)", selector.ToString());
    }

    [Fact]
    public void Builds_from_json()
    {
        var selector = LabelSelector.FromMappingText("""{"matchExpressions":[{"key":"zone","operator":"Exists"}]}""");

        Assert.Equal("zone", selector.ToString());
    }

    [Fact]
    public void Builds_from_a_hashtable_like_dictionary_with_any_key_case()
    {
        var selector = LabelSelector.FromDictionary(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MATCHLABELS"] = new System.Collections.Hashtable { ["env"] = "prod", ["version"] = 2 },
            ["matchexpressions"] = new object[]
            {
                new System.Collections.Hashtable { ["Key"] = "tier", ["Operator"] = "notin", ["Values"] = new[] { "db" } },
            },
        });

        Assert.Equal("env=prod,tier notin (db),version=2", selector.ToString());
    }

    [Fact]
    public void A_plain_dictionary_is_taken_as_match_labels()
    {
        var selector = LabelSelector.FromDictionary(new Dictionary<string, object?> { ["env"] = "prod", ["tier"] = "web" });

        Assert.Equal("env=prod,tier=web", selector.ToString());
    }

    [Fact]
    public void Converts_to_match_labels_and_expressions()
    {
        var fields = LabelSelector.Parse("env=prod,env=dev,tier!=db,zone,!legacy,app in (a,b)").ToMatchFields();

        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, fields.MatchLabels);
        Assert.Equal(
            ["app in (a,b)", "env in (dev)", "!legacy", "tier notin (db)", "zone"],
            fields.MatchExpressions.Select(e => e.ToString()));
        Assert.All(fields.MatchExpressions, e => Assert.DoesNotContain(e.Operator, new[] { SelectorOperator.Equal, SelectorOperator.NotEqual }));
    }

    [Fact]
    public void Match_fields_round_trip_to_an_equivalent_selector()
    {
        var original = LabelSelector.Parse("env=prod,tier in (a,b),!legacy,zone");
        var fields = original.ToMatchFields();

        Assert.Equal(original, LabelSelector.FromMatchFields(fields.MatchLabels, fields.MatchExpressions));
    }

    [Theory]
    [InlineData("matchExpressions: [{key: tier, operator: Contains, values: [a]}]", "matchExpressions[0].operator: 'Contains' is not one of In, NotIn, Exists, DoesNotExist")]
    [InlineData("matchExpressions: [{key: tier, operator: In}]", "matchExpressions[0]: operator In on 'tier' needs at least one value")]
    [InlineData("matchExpressions: [{key: tier, operator: Exists, values: [a]}]", "matchExpressions[0]: operator Exists on 'tier' takes no values")]
    [InlineData("matchExpressions: [{operator: Exists}]", "matchExpressions[0].key: required field is missing")]
    [InlineData("matchLabels: {env: 1}", "matchLabels.env: expected a string label value, got the number 1")]
    [InlineData("matchLabels: {-env: prod}", "matchLabels.-env: invalid label key '-env': the name part must start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'")]
    [InlineData("matchLabel: {env: prod}", "matchLabel: unknown field 'matchLabel' (a selector has matchLabels and matchExpressions)")]
    [InlineData("matchLabels: [env]", "matchLabels: expected a mapping of label names to values, got a list")]
    [InlineData("- env", "expected a mapping with matchLabels and/or matchExpressions, got a list")]
    public void Mapping_errors_name_the_field(string yaml, string expected)
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.FromMappingText(yaml));

        Assert.Equal($"invalid label selector: {expected}", error.Message);
        Assert.Equal("InvalidSelector", error.ErrorId);
    }

    [Fact]
    public void Malformed_mapping_text_is_reported()
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.FromMappingText("matchLabels: {env: prod"));

        Assert.StartsWith("invalid label selector: not valid YAML or JSON:", error.Message);
    }

    [Fact]
    public void Requirements_validate_their_values()
    {
        Assert.Throws<SelectorParseException>(() => LabelRequirement.Create("env", SelectorOperator.Equal));
        Assert.Throws<SelectorParseException>(() => LabelRequirement.Create("env", SelectorOperator.Equal, "a", "b"));
        Assert.Equal("env in (a,b)", LabelRequirement.Create("env", SelectorOperator.In, "b", "a", "a").ToString());
    }
}
