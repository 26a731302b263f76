using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

public class TemplateMissingDataTests
{
    private static readonly TemplateData NoRegion = Data(Cluster(region: null));

    [Fact]
    public void A_missing_label_is_an_error_with_source_line_and_column()
    {
        var error = RenderFails("apiVersion: v1\nkind: ConfigMap\nregion: {{ cluster.metadata.labels.region }}\n", NoRegion);
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal((3, 36), (error.Line, error.Column));
        Assert.Equal(
            "fleet/web ConfigMap fleet/web key 'app.yaml' (3,36): 'cluster.metadata.labels' has no key 'region' (use '?? fallback' or 'default' where the data is optional)",
            error.Message);
        Assert.Equal("fleet/web ConfigMap fleet/web key 'app.yaml'", error.Target);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void A_missing_key_read_with_an_indexer_is_an_error()
    {
        var error = RenderFails("{{ cluster.metadata.labels[\"topology.kubernetes.io/zone\"] }}");
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("has no key 'topology.kubernetes.io/zone'", error.Message);
    }

    [Fact]
    public void Reading_below_a_missing_key_names_the_first_missing_key()
    {
        var error = RenderFails("{{ cluster.spec.network.cidr }}");
        Assert.Contains("'cluster.spec' has no key 'network'", error.Message);
    }

    [Fact]
    public void Reading_below_a_null_field_is_a_missing_key()
    {
        var error = RenderFails("{{ resources.Bucket.status.atProvider.url.host }}", Data(resources: new() { ["Bucket"] = Bucket(url: null) }));
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("is null", error.Message);
    }

    [Fact]
    public void A_list_index_out_of_range_is_a_missing_key()
    {
        Assert.Equal(TemplateErrorIds.MissingKey, RenderFails("{{ zones = [\"a\", \"b\"]; zones[5] }}").ErrorId);
    }

    [Fact]
    public void An_undefined_name_is_a_missing_key_listing_the_data_names()
    {
        var error = RenderFails("{{ clustr.metadata.name }}");
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Contains("'clustr' is not defined: the data is cluster, cluster_name, cluster_namespace, kubernetes_version and resources", error.Message);
    }

    [Fact]
    public void An_unknown_kubernetes_version_is_a_missing_key_unless_optional()
    {
        var data = Data(version: null);
        Assert.Contains("the Kubernetes version of cluster 'prod-1' is not known", RenderFails("{{ kubernetes_version }}", data).Message);
        Assert.Equal("unknown", Render("{{ kubernetes_version ?? \"unknown\" }}", data));
    }

    [Fact]
    public void Null_coalescing_makes_data_optional()
    {
        Assert.Equal("west|eu-west", Render("{{ cluster.metadata.labels.region ?? \"west\" }}|", NoRegion) + Render("{{ cluster.metadata.labels.region ?? \"west\" }}"));
    }

    [Fact]
    public void Null_coalescing_covers_missing_keys_at_any_depth_and_indexers()
    {
        Assert.Equal("a b c", Render("{{ cluster.spec.network.cidr ?? \"a\" }} {{ cluster.metadata.labels[\"x.io/y\"] ?? \"b\" }} {{ resources.Other.status ?? \"c\" }}"));
    }

    [Fact]
    public void Default_makes_data_optional_in_pipe_and_call_form()
    {
        Assert.Equal("west west", Render("{{ cluster.metadata.labels.region | default \"west\" }} {{ default cluster.metadata.labels.region \"west\" }}", NoRegion));
    }

    [Fact]
    public void Optional_data_works_in_conditions()
    {
        Assert.Equal("no region", Render("{{ if cluster.metadata.labels.region ?? null }}{{ cluster.metadata.labels.region }}{{ else }}no region{{ end }}", NoRegion));
        Assert.Equal("no region", Render("{{ if cluster.metadata.labels | object.has_key \"region\" }}yes{{ else }}no region{{ end }}", NoRegion));
    }

    [Fact]
    public void Required_fails_with_the_templates_message_when_data_is_missing_or_empty()
    {
        var error = RenderFails("x\n{{ required cluster.metadata.labels.region \"label 'region' is needed to pick the bucket\" }}", NoRegion);
        Assert.Equal(TemplateErrorIds.MissingKey, error.ErrorId);
        Assert.Equal((2, 4), (error.Line, error.Column));
        Assert.EndsWith("label 'region' is needed to pick the bucket", error.Message);
        Assert.Equal(TemplateErrorIds.MissingKey, RenderFails("{{ \"\" | required \"empty\" }}").ErrorId);
        Assert.Equal("eu-west", Render("{{ cluster.metadata.labels.region | required \"needed\" }}"));
    }

    [Fact]
    public void Optional_reading_ends_with_the_optional_expression()
    {
        var error = RenderFails("{{ a = cluster.metadata.labels.region ?? \"west\" }}{{ cluster.metadata.labels.zone }}", NoRegion);
        Assert.Contains("has no key 'zone'", error.Message);
    }
}
