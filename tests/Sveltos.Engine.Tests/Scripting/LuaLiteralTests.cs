using System.Text.Json.Nodes;
using Sveltos.Engine.Scripting;
using Xunit;

namespace Sveltos.Engine.Tests.Scripting;

public sealed class LuaLiteralTests
{
    private static object? Eval(string json, string expression)
    {
        using var lua = LuaSandbox.Create();
        lua.Run("obj = " + LuaLiteral.Of(JsonNode.Parse(json)), "=data");
        return lua.Run("return " + expression, "=t")[0];
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"web"}}""", "obj.metadata.name", "web")]
    [InlineData("""{"spec":{"replicas":3}}""", "math.type(obj.spec.replicas)", "integer")]
    [InlineData("""{"ratio":3.0}""", "math.type(obj.ratio)", "float")]
    [InlineData("""{"ratio":0.25}""", "obj.ratio * 4", 1.0)]
    [InlineData("""{"big":1e400}""", "obj.big == math.huge", true)]
    [InlineData("""{"min":-9223372036854775808}""", "obj.min == math.mininteger", true)]
    [InlineData("""{"huge":18446744073709551616}""", "math.type(obj.huge)", "float")]
    [InlineData("""{"items":["a","b","c"]}""", "#obj.items .. obj.items[1] .. obj.items[3]", "3ac")]
    [InlineData("""{"gone":null,"kept":false}""", "obj.gone == nil and obj.kept == false", true)]
    [InlineData("""{"s":"quote \" backslash \\ newline \n tab \t bell \u0007 del \u007f é ✓"}""", "obj.s", "quote \" backslash \\ newline \n tab \t bell \a del \x7f é ✓")]
    [InlineData("""{"s":"\u00011"}""", "#obj.s", 2L)]
    [InlineData("""{"weird key ]]":1,"end":2}""", "obj['weird key ]]'] + obj['end']", 3L)]
    public void Data_reads_in_Lua_as_it_reads_in_JSON(string json, string expression, object expected)
    {
        Assert.Equal(expected, Eval(json, expression));
    }

    [Fact]
    public void Values_built_in_code_convert_like_parsed_ones()
    {
        var obj = new JsonObject { ["n"] = 7, ["f"] = 2.5, ["s"] = "x", ["b"] = true, ["a"] = new JsonArray(1, "two") };
        using var lua = LuaSandbox.Create();
        lua.Run("obj = " + LuaLiteral.Of(obj), "=data");
        Assert.Equal<object?>([7L, 2.5, "x", true, "two"], lua.Run("return obj.n, obj.f, obj.s, obj.b, obj.a[2]", "=t"));
    }
}
