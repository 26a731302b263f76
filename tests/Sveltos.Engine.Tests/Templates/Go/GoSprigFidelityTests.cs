using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>Sprig v3 functions whose details charts rely on, checked against Sprig's and its libraries' sources and tests.</summary>
public class GoSprigFidelityTests
{
    /// <summary>Masterminds semver v3's *Version: its methods, String without the "v", Inc* keeping the original's "v".</summary>
    [Theory]
    [InlineData("{{ $v := semver \"1.2.3-beta.1+build.5\" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }}", "1 2 3 beta.1 build.5 1.2.3-beta.1+build.5")]
    [InlineData("{{ semver \"v1.2\" }} {{ (semver \"v1.2\").Original }} {{ (semver \"v1.2\").String }} {{ typeOf (semver \"1.2.3\") }}", "1.2.0 v1.2 1.2.0 *semver.Version")]
    [InlineData("{{ (semver \"1.2.3\").Compare (semver \"1.2.4\") }} {{ (semver \"1.2.4\").Compare (semver \"1.2.3\") }} {{ (semver \"1.2.3+a\").Compare (semver \"1.2.3+b\") }}", "-1 1 0")]
    [InlineData("{{ (semver \"1.2.3\").LessThan (semver \"1.2.4\") }} {{ (semver \"1.2.3\").GreaterThan (semver \"1.2.4\") }} {{ (semver \"1.2.3\").Equal (semver \"1.2.3+x\") }} {{ (semver \"1.0.0-rc.1\").LessThan (semver \"1.0.0\") }}", "true false true true")]
    [InlineData("{{ (semver \"1.2.3+m\").IncMajor }} {{ (semver \"1.2.3\").IncMinor }} {{ (semver \"1.2.3-a\").IncPatch }} {{ (semver \"1.2.3\").IncPatch }} {{ (semver \"v1.2\").IncMinor.Original }}", "2.0.0 1.3.0 1.2.3 1.2.4 v1.3.0")]
    [InlineData("{{ semverCompare \">=1.2\" \"1.3.0\" }} {{ semverCompare \"^1.2\" \"2.0.0\" }} {{ semverCompare \"~1.2.3\" \"1.2.9\" }} {{ semverCompare \">1.0.0-0\" \"1.0.0-beta\" }}", "true false true true")]
    public void SemverIsAVersionObjectWithMastermindsMethods(string text, string expected) => Assert.Equal(expected, Render(text));

    /// <summary>Sprig's own tests (camelcase "_camel_case" is "_CamelCase") and xstrings' ToPascalCase cases.</summary>
    [Theory]
    [InlineData("http_server", "HttpServer")]
    [InlineData("_camel_case", "_CamelCase")]
    [InlineData("no_https", "NoHttps")]
    [InlineData("_complex__case_", "_Complex_Case_")]
    [InlineData("all", "All")]
    [InlineData("some words", "SomeWords")]
    [InlineData("hello-world", "HelloWorld")]
    [InlineData("GOLANG_IS_GREAT", "GolangIsGreat")]
    [InlineData("helloWORLD", "HelloWORLD")]
    [InlineData("a  b", "A B")]
    [InlineData("___", "___")]
    public void CamelcaseKeepsLeadingConnectorsAsXstringsDoes(string input, string expected) =>
        Assert.Equal(expected, Render($"{{{{ camelcase \"{input}\" }}}}"));

    /// <summary>Sprig's seq: one, two or three int arguments, counting down when the end is below the start; other counts give "".</summary>
    [Theory]
    [InlineData("{{ seq 5 }}", "1 2 3 4 5")]
    [InlineData("{{ seq 0 }}", "1 0")]
    [InlineData("{{ seq -3 }}", "1 0 -1 -2 -3")]
    [InlineData("{{ seq 2 5 }}", "2 3 4 5")]
    [InlineData("{{ seq 5 2 }}", "5 4 3 2")]
    [InlineData("{{ seq 1 2 10 }}", "1 3 5 7 9")]
    [InlineData("{{ seq 10 -2 1 }}", "10 8 6 4 2")]
    [InlineData("[{{ seq }}][{{ seq 1 2 3 4 }}][{{ seq 1 0 5 }}][{{ seq 5 1 1 }}]", "[][][][]")]
    public void SeqCountsAsSprigDoes(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ seq \"a\" }}", "at <\"a\">: expected integer; found \"a\"")]
    [InlineData("{{ seq 1.5 }}", "at <1.5>: expected integer; found 1.5")]
    public void SeqTakesOnlyIntegers(string text, string message) => Assert.EndsWith(message, Fails(text).GoMessage, StringComparison.Ordinal);

    /// <summary>Sprig's durationRound: the largest unit the duration exceeds (a month is 30 days, "mo"); unparsable text is 0s.</summary>
    [Theory]
    [InlineData("2h5m", "2h")]
    [InlineData("1h", "60m")]
    [InlineData("25h", "1d")]
    [InlineData("800h", "1mo")]
    [InlineData("3000h", "4mo")]
    [InlineData("9000h", "1y")]
    [InlineData("-2h5m", "2h")]
    [InlineData("2mo", "0s")]
    [InlineData("1y", "0s")]
    public void DurationRoundUsesSprigsUnits(string duration, string expected) =>
        Assert.Equal(expected, Render($"{{{{ durationRound \"{duration}\" }}}}"));

    /// <summary>Sprig's merge functions call mergo on dst: dst is changed and returned, and a map mergo adds is the source's own.</summary>
    [Theory]
    [InlineData("{{ $d := dict \"a\" 1 }}{{ $r := merge $d (dict \"a\" 9 \"b\" 2) }}{{ $d }} {{ $r }}", "map[a:1 b:2] map[a:1 b:2]")]
    [InlineData("{{ $d := dict \"a\" 1 }}{{ $_ := mergeOverwrite $d (dict \"a\" 2 \"c\" 3) }}{{ $d }}", "map[a:2 c:3]")]
    [InlineData("{{ $n := dict \"x\" 1 }}{{ $dst := dict }}{{ $_ := merge $dst (dict \"n\" $n) }}{{ $_ := set $n \"y\" 2 }}{{ $dst }}", "map[n:map[x:1 y:2]]")]
    [InlineData("{{ $n := dict \"x\" 1 }}{{ $dst := dict \"n\" (dict \"z\" 0) }}{{ $_ := mergeOverwrite $dst (dict \"n\" $n) }}{{ $_ := set $n \"y\" 2 }}{{ $dst }}", "map[n:map[x:1 z:0]]")]
    public void MergeChangesAndReturnsTheDestinationSharingAddedValues(string text, string expected) => Assert.Equal(expected, Render(text));
}
