using System.Text.Json.Nodes;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Redaction.SecretRedactorTests;

namespace Sveltos.Engine.Tests.Redaction;

/// <summary>Error messages never carry a Secret's values or the content a Secret holds.</summary>
public class SecretTextTests
{
    private static readonly JsonObject Credentials = Secret(new JsonObject { ["password"] = B64("SENTINEL-PW-1"), ["pin"] = B64("4711"), ["cert"] = B64("-----BEGIN-----\nMIIBsecretline\n-----END-----") });

    [Fact]
    public void Values_are_replaced_as_text_as_base64_and_line_by_line()
    {
        var secrets = SecretText.ValuesOf([Credentials]);
        var message = $"strconv.Atoi: parsing \"SENTINEL-PW-1\": invalid syntax; at <{B64("SENTINEL-PW-1")}>; near MIIBsecretline; pin \"4711\"";

        var scrubbed = SecretText.Scrub(message, secrets);

        Assert.Equal("strconv.Atoi: parsing \"(redacted)\": invalid syntax; at <(redacted)>; near (redacted); pin \"(redacted)\"", scrubbed);
    }

    [Fact]
    public void Short_values_are_replaced_only_where_quoted()
    {
        var secrets = SecretText.ValuesOf([Credentials]);
        Assert.Equal("line 4711 of 'x'", SecretText.Scrub("line 4711 of 'x'", secrets));
        Assert.Equal("'(redacted)'", SecretText.Scrub("'4711'", secrets));
    }

    [Fact]
    public void Only_secrets_give_values_to_scrub()
    {
        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "x" }, ["data"] = new JsonObject { ["a"] = "visible-value" } };
        Assert.Empty(SecretText.ValuesOf([configMap]));
    }

    [Fact]
    public void A_template_error_keeps_its_id_source_and_position_without_the_values()
    {
        var error = new TemplateException(TemplateErrorIds.FunctionError, ErrorKind.InvalidData, "ConfigMap fleet/db key 'app.yaml'", 3, 7, "error calling atoi: parsing \"SENTINEL-PW-1\"");

        var scrubbed = SecretText.Scrub(error, SecretText.ValuesOf([Credentials]));

        Assert.Equal((TemplateErrorIds.FunctionError, 3, 7), (scrubbed.ErrorId, scrubbed.Line, scrubbed.Column));
        Assert.Equal("ConfigMap fleet/db key 'app.yaml' (3,7): error calling atoi: parsing \"(redacted)\"", scrubbed.Message);

        var clean = new TemplateException(TemplateErrorIds.FunctionError, ErrorKind.InvalidData, "s", 1, 1, "nothing secret");
        Assert.Same(clean, SecretText.Scrub(clean, SecretText.ValuesOf([Credentials])));
    }

    [Fact]
    public void An_error_in_content_held_in_a_secret_gives_no_text_of_it()
    {
        var error = new TemplateException(TemplateErrorIds.SyntaxError, ErrorKind.InvalidData, "Secret fleet/db key 'app.yaml'", 2, 11, "unexpected \"SENTINEL\" in operand");

        var withheld = SecretText.Withhold(error);

        Assert.Equal((TemplateErrorIds.SyntaxError, 2, 11), (withheld.ErrorId, withheld.Line, withheld.Column));
        Assert.Equal("Secret fleet/db key 'app.yaml' (2,11): the template is not valid; the details are withheld because the content is held in a Secret", withheld.Message);
    }
}
