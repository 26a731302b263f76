using Sveltos.Engine.Templates;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>Number constants as text/template's lexer (scanNumber) and parser (newNumber, idealConstant) read them.</summary>
public class GoNumberLiteralTests
{
    [Theory]
    [InlineData("{{ 0x1p-2 }}", "0.25")]
    [InlineData("{{ 0x1.8p1 }}", "3")]
    [InlineData("{{ 0X1P4 }}", "16")]
    [InlineData("{{ 0x.8p1 }}", "1")]
    [InlineData("{{ 0x_1p-2 }}", "0.25")]
    [InlineData("{{ -0x1p-1 }}", "-0.5")]
    public void HexFloatLiteralsAreFloats(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ 0b101 }}", "5")]
    [InlineData("{{ 0B11 }}", "3")]
    [InlineData("{{ 0o17 }}", "15")]
    [InlineData("{{ 0O17 }}", "15")]
    [InlineData("{{ 017 }}", "15")]
    [InlineData("{{ 0x1e3 }}", "483")]
    [InlineData("{{ -0x10 }}", "-16")]
    [InlineData("{{ +5 }}", "5")]
    [InlineData("{{ 1_000 }}", "1000")]
    [InlineData("{{ 0x_FF }}", "255")]
    [InlineData("{{ 0_7 }}", "7")]
    [InlineData("{{ 1_000.5 }}", "1000.5")]
    [InlineData("{{ .5 }}", "0.5")]
    [InlineData("{{ 5. }}", "5")]
    [InlineData("{{ 1e3 }}", "1000")]
    [InlineData("{{ -9223372036854775808 }}", "-9223372036854775808")]
    public void IntegerAndFloatFormsPrintTheirValue(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ printf \"%T\" 0x1e3 }}", "int")]
    [InlineData("{{ printf \"%T\" 0x1p4 }}", "float64")]
    [InlineData("{{ printf \"%T\" 1e3 }}", "float64")]
    [InlineData("{{ printf \"%T\" 1.0 }}", "float64")]
    [InlineData("{{ printf \"%T\" 0b1 }}", "int")]
    [InlineData("{{ printf \"%T\" 'a' }}", "int")]
    [InlineData("{{ printf \"%T %T %T %T\" nil \"x\" (list) (dict) }}", "<nil> string []interface {} map[string]interface {}")]
    public void AConstantIsAFloatOnlyWhenWrittenWithAPointOrExponent(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ 12abc }}", "bad number syntax: \"12a\"")]
    [InlineData("{{ 0b102 }}", "bad number syntax: \"0b102\"")]
    [InlineData("{{ 1-2 }}", "bad number syntax: \"1-2\"")]
    [InlineData("{{ 3-}}", "bad number syntax: \"3-\"")]
    [InlineData("{{ 1_ }}", "illegal number syntax: \"1_\"")]
    [InlineData("{{ 1__0 }}", "illegal number syntax: \"1__0\"")]
    [InlineData("{{ 0x }}", "illegal number syntax: \"0x\"")]
    [InlineData("{{ 0x1.8 }}", "illegal number syntax: \"0x1.8\"")]
    [InlineData("{{ 0x1p }}", "illegal number syntax: \"0x1p\"")]
    [InlineData("{{ - 5 }}", "illegal number syntax: \"-\"")]
    [InlineData("{{ 1e400 }}", "illegal number syntax: \"1e400\"")]
    [InlineData("{{ 08 }}", "integer overflow: \"08\"")]
    [InlineData("{{ 18446744073709551616 }}", "integer overflow: \"18446744073709551616\"")]
    [InlineData("{{ 1i }}", "complex number constants are not supported: \"1i\"")]
    [InlineData("{{ 1+2i }}", "complex number constants are not supported: \"1+2i\"")]
    public void MalformedNumbersFailToParseWithGosWording(string text, string message)
    {
        var e = Fails(text);
        Assert.Equal(TemplateErrorIds.SyntaxError, e.ErrorId);
        Assert.Equal($"template: t:1: {message}", e.GoMessage);
    }

    [Fact]
    public void AnIntegerBeyondIntButWithinUint64FailsWhenEvaluated()
    {
        Assert.Equal("", Render("{{ if false }}{{ 9223372036854775808 }}{{ end }}"));
        Assert.Equal("template: t:1:3: executing \"t\" at <9223372036854775808>: 9223372036854775808 overflows int", Fails("{{ 9223372036854775808 }}").GoMessage);
    }
}
