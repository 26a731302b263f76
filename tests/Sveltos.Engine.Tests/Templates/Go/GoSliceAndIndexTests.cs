using System.Text.Json.Nodes;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>text/template's slice and index builtins and their indexArg checks (funcs.go).</summary>
public class GoSliceAndIndexTests
{
    private static readonly JsonObject Data = JsonNode.Parse("""{"list": [1, 2, 3], "start": 1.0, "none": null}""")!.AsObject();

    [Theory]
    [InlineData("{{ slice .list }}", "[1 2 3]")]
    [InlineData("{{ slice .list 1 }}", "[2 3]")]
    [InlineData("{{ slice .list 1 2 }}", "[2]")]
    [InlineData("{{ slice .list 0 3 }}", "[1 2 3]")]
    [InlineData("{{ slice .list 3 }}", "[]")]
    [InlineData("{{ slice .list 1 2 3 }}", "[2]")]
    [InlineData("{{ slice \"abcdef\" 1 3 }}", "bc")]
    [InlineData("{{ slice \"héllo\" 0 3 }}", "hé")]
    [InlineData("{{ index .list 2 }}", "3")]
    [InlineData("{{ index \"abc\" 1 }}", "98")]
    [InlineData("{{ index (dict) \"x\" }}", "<no value>")]
    public void SlicesAndIndexesAsGoDoes(string text, string expected) => Assert.Equal(expected, Render(text, Data));

    [Theory]
    [InlineData("{{ slice .list 0 4 }}", "slice", "index out of range: 4")]
    [InlineData("{{ slice .list -1 }}", "slice", "index out of range: -1")]
    [InlineData("{{ slice .list 2 1 }}", "slice", "invalid slice index: 2 > 1")]
    [InlineData("{{ slice .list 1 3 2 }}", "slice", "invalid slice index: 3 > 2")]
    [InlineData("{{ slice .list 1 2 3 4 }}", "slice", "too many slice indexes: 4")]
    [InlineData("{{ slice \"abcdef\" 1 3 4 }}", "slice", "cannot 3-index slice a string")]
    [InlineData("{{ slice nil }}", "slice", "slice of untyped nil")]
    [InlineData("{{ slice .missing 1 }}", "slice", "slice of untyped nil")]
    [InlineData("{{ slice 5 1 }}", "slice", "can't slice item of type int")]
    [InlineData("{{ slice .list 1.0 }}", "slice", "cannot index slice/array with type float64")]
    [InlineData("{{ slice .list nil }}", "slice", "cannot index slice/array with nil")]
    [InlineData("{{ slice .list .start }}", "slice", "cannot index slice/array with type interface {}")]
    [InlineData("{{ $i := .start }}{{ slice .list $i }}", "slice", "cannot index slice/array with type float64")]
    [InlineData("{{ index .list 3 }}", "index", "index out of range: 3")]
    [InlineData("{{ index .list -1 }}", "index", "index out of range: -1")]
    [InlineData("{{ index .list nil }}", "index", "cannot index slice/array with nil")]
    [InlineData("{{ index .list .start }}", "index", "cannot index slice/array with type float64")]
    [InlineData("{{ index \"abc\" \"x\" }}", "index", "cannot index slice/array with type string")]
    [InlineData("{{ index nil 1 }}", "index", "index of untyped nil")]
    [InlineData("{{ index (dict \"a\" 1) 1 }}", "index", "value has type int; should be string")]
    [InlineData("{{ index (dict \"a\" 1) nil }}", "index", "value is nil; should be of type string")]
    [InlineData("{{ index (dict \"a\" 1) \"a\" \"b\" }}", "index", "can't index item of type int")]
    public void BadIndexesFailWithGosWording(string text, string function, string message) =>
        Assert.EndsWith($": error calling {function}: {message}", Fails(text, Data).GoMessage, StringComparison.Ordinal);
}
