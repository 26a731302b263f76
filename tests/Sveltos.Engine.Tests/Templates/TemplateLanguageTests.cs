using System.Text.Json.Nodes;
using Sveltos.Engine.Content;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.TemplateTestData;

namespace Sveltos.Engine.Tests.Templates;

/// <summary>Templates are Go unless content asks for Scriban; the language is never guessed, only hinted at in errors.</summary>
public class TemplateLanguageTests
{
    private const string Source = "ConfigMap fleet/web key 'app.yaml'";

    private static string Content(string text, TemplateLanguage language) =>
        ContentTemplates.Render(text, Source, Data(), language, CancellationToken.None);

    private static TemplateException ContentFails(string text, TemplateLanguage language) =>
        Assert.Throws<TemplateException>(() => Content(text, language));

    private static JsonObject Holder(string? language) =>
        language is null
            ? new JsonObject { ["metadata"] = new JsonObject { ["name"] = "web" } }
            : new JsonObject { ["metadata"] = new JsonObject { ["name"] = "web", ["annotations"] = new JsonObject { [ContentTemplates.LanguageAnnotation] = language } } };

    [Theory]
    [InlineData(null, "Go")]
    [InlineData("go", "Go")]
    [InlineData("scriban", "Scriban")]
    [InlineData(" Scriban ", "Scriban")]
    public void Content_is_go_unless_its_annotation_asks_for_scriban(string? annotation, string expected) =>
        Assert.Equal(expected, ContentTemplates.LanguageOf(Holder(annotation), "ConfigMap fleet/web").ToString());

    [Fact]
    public void An_unknown_language_is_refused_naming_the_source()
    {
        var error = Assert.Throws<ContentException>(() => ContentTemplates.LanguageOf(Holder("jinja"), "ConfigMap fleet/web"));
        Assert.Equal("TemplateLanguageUnknown", error.ErrorId);
        Assert.Contains("ConfigMap fleet/web", error.Message);
        Assert.Contains("'jinja'", error.Message);
    }

    [Theory]
    [InlineData("{{ randAlphaNum 8 | lower }}", "^[a-z0-9]{8}$")]
    [InlineData("{{ upper \"abc\" }}", "^ABC$")]
    [InlineData("{{ .Cluster.metadata.name }}", "^prod-1$")]
    [InlineData("{{ (getResource \"Bucket\").status.atProvider.url }}", "^https://buckets.example.com/prod-1$")]
    public void Sveltos_go_templates_render_without_any_annotation(string text, string expected) =>
        Assert.Matches(expected, Content(text, TemplateLanguage.Go));

    [Theory]
    [InlineData("name: {{ cluster_name }}", "function \"cluster_name\" not defined")]
    [InlineData("name: {{ cluster.metadata.name }}", "function \"cluster\" not defined")]
    [InlineData("{{ for label in cluster.metadata.labels }}{{ label.key }}{{ end }}", "function \"for\" not defined")]
    public void Scriban_without_the_annotation_fails_as_go_and_names_the_annotation(string text, string goError)
    {
        var error = ContentFails(text, TemplateLanguage.Go);
        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
        Assert.StartsWith(Source + " (1,", error.Message);
        Assert.Contains(goError, error.Message);
        Assert.Contains($"valid Scriban, but templates are Go templates (as in Sveltos): to render it as Scriban, annotate its ConfigMap or Secret with {ContentTemplates.LanguageAnnotation}: scriban", error.Message);
    }

    [Fact]
    public void Scriban_renders_where_content_asks_for_it() =>
        Assert.Equal("prod-1 eu-west v1.30.2", Content("{{ cluster_name }} {{ cluster.metadata.labels.region ?? \"west\" }} {{ kubernetes_version }}", TemplateLanguage.Scriban));

    [Theory]
    [InlineData("name: {{ .Cluster.metadata.name }}", TemplateErrorIds.SyntaxError)]
    [InlineData("url: {{ (getResource \"Bucket\").status.atProvider.url }}", TemplateErrorIds.MissingKey)]
    [InlineData("{{ randAlphaNum 8 | lower }}", TemplateErrorIds.MissingKey)]
    public void Go_text_in_content_that_asks_for_scriban_fails_as_scriban_and_suggests_removing_the_annotation(string text, string errorId)
    {
        var error = ContentFails(text, TemplateLanguage.Scriban);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains($"valid Go template, but its ConfigMap or Secret asks for Scriban ({ContentTemplates.LanguageAnnotation}: scriban): remove that annotation", error.Message);
    }

    [Theory]
    [InlineData("a: {{ if }}", "Go")]
    [InlineData("a: {{ if }}", "Scriban")]
    [InlineData("{{ .Cluster.metadata.labels.nope }}", "Go")]
    [InlineData("{{ cluster.metadata.labels.nope }}", "Scriban")]
    public void Errors_in_text_that_is_not_the_other_language_carry_no_hint(string text, string language) =>
        Assert.DoesNotContain("valid", ContentFails(text, Enum.Parse<TemplateLanguage>(language)).Problem);

    [Fact]
    public void Profile_fields_are_go_templates()
    {
        Assert.Equal("prod-1-bucket", ContentTemplates.RenderField("{{ .Cluster.metadata.name }}-bucket", "policyRef name", Data(), CancellationToken.None));
        Assert.Equal("PROD-1", ContentTemplates.RenderField("{{ .Cluster.metadata.name | upper }}", "policyRef name", Data(), CancellationToken.None));
        Assert.Equal("plain", ContentTemplates.RenderField("plain", "policyRef name", Data(), CancellationToken.None));
    }

    [Fact]
    public void A_scriban_profile_field_fails_as_go_and_says_fields_are_always_go()
    {
        var error = Assert.Throws<TemplateException>(() => ContentTemplates.RenderField("{{ cluster_name }}-bucket", "ClusterProfile/storage policyRef ConfigMap fleet/x name", Data(), CancellationToken.None));
        Assert.Equal(TemplateErrorIds.SyntaxError, error.ErrorId);
        Assert.StartsWith("ClusterProfile/storage policyRef ConfigMap fleet/x name (1,4): function \"cluster_name\" not defined", error.Message);
        Assert.Contains("profile fields are always Go templates (as in Sveltos)", error.Message);
    }

    [Theory]
    [InlineData("{{- cluster.metadata.name -}}")]
    [InlineData("{{~ cluster.metadata.name ~}}")]
    [InlineData("{{ for i in 1..3 }}{{ i }}{{ end }}")]
    [InlineData("{{ for i in 1..<3 }}{{ i }}{{ end }}")]
    [InlineData("{{ \"see .Cluster.metadata.name and getResource\" }}")]
    [InlineData("{{ 'single .Cluster' }}{{ `verbatim .Cluster := x` }}")]
    [InlineData("{{ # a comment about .Cluster and range\n cluster_name }}")]
    [InlineData("{{ ## a block comment\n with .Cluster := ## cluster_name }}")]
    [InlineData("{%{ {{ .Cluster.metadata.name }} }%} and {%%{ {{ $x := 1 }} }%%}")]
    [InlineData("{{ cluster.metadata.labels | object.keys | array.join \",\" }}")]
    [InlineData("{{ x = { \"a.b\": 1 }; x[\"a.b\"] }}")]
    [InlineData("{{ func double(n); ret n * 2; end; double 2 }}")]
    [InlineData("{{ with cluster.metadata }}{{ name }}{{ end }}")]
    [InlineData("{{ if cluster.spec.replicas > 2 && cluster_name != \"x\" }}big{{ else if true }}small{{ end }}")]
    [InlineData("{{ cluster.metadata.labels.region ?? \"west\" | string.upcase }}")]
    [InlineData("{{ case cluster_name }}{{ when \"a\", \"b\" }}ab{{ else }}other{{ end }}")]
    [InlineData("{{ capture x }}text{{ end }}{{ x | string.size }}")]
    [InlineData("value: {{ 1.5 }} {{ -0.5 }} {{ 3 // 2 }} {{ 10 % 3 }}")]
    [InlineData("{{ (get_resource \"Bucket\").status.atProvider.url }}")]
    [InlineData("{{ default (cluster.metadata.labels.region) \"west\" }}")]
    public void Valid_scriban_compiles_as_scriban(string text)
    {
        var template = new TemplateRenderer().Compile(text, "t");
        Assert.Equal("t", template.SourceName);
    }
}
