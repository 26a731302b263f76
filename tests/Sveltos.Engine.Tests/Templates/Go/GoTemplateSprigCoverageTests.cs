using Sveltos.Engine.Templates;
using Sveltos.Engine.Templates.Go;
using static Sveltos.Engine.Tests.Templates.Go.GoTemplateTestData;

namespace Sveltos.Engine.Tests.Templates.Go;

public class GoTemplateSprigCoverageTests
{
    /// <summary>Sprig v3.3's function map (functions.go), less env and expandenv.</summary>
    private static readonly string[] SprigFunctions =
    [
        "hello", "ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration", "durationRound", "htmlDate",
        "htmlDateInZone", "must_date_modify", "mustDateModify", "mustToDate", "now", "toDate", "unixEpoch",
        "abbrev", "abbrevboth", "trunc", "trim", "upper", "lower", "title", "untitle", "substr", "repeat", "trimall", "trimAll",
        "trimSuffix", "trimPrefix", "nospace", "initials", "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "swapcase",
        "shuffle", "snakecase", "camelcase", "kebabcase", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote",
        "squote", "cat", "indent", "nindent", "replace", "plural", "sha1sum", "sha256sum", "sha512sum", "adler32sum", "toString",
        "atoi", "int64", "int", "float64", "seq", "toDecimal", "split", "splitList", "splitn", "toStrings", "until", "untilStep",
        "add1", "add", "sub", "div", "mod", "mul", "randInt", "add1f", "addf", "subf", "divf", "mulf", "biggest", "max", "min",
        "maxf", "minf", "ceil", "floor", "round", "join", "sortAlpha",
        "default", "empty", "coalesce", "all", "any", "compact", "mustCompact", "fromJson", "toJson", "toPrettyJson", "toRawJson",
        "mustFromJson", "mustToJson", "mustToPrettyJson", "mustToRawJson", "ternary", "deepCopy", "mustDeepCopy",
        "typeOf", "typeIs", "typeIsLike", "kindOf", "kindIs", "deepEqual", "getHostByName",
        "base", "dir", "clean", "ext", "isAbs", "osBase", "osClean", "osDir", "osExt", "osIsAbs",
        "b64enc", "b64dec", "b32enc", "b32dec",
        "tuple", "list", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit", "merge", "mergeOverwrite",
        "mustMerge", "mustMergeOverwrite", "values", "append", "push", "mustAppend", "mustPush", "prepend", "mustPrepend", "first",
        "mustFirst", "rest", "mustRest", "last", "mustLast", "initial", "mustInitial", "reverse", "mustReverse", "uniq", "mustUniq",
        "without", "mustWithout", "has", "mustHas", "slice", "mustSlice", "concat", "dig", "chunk", "mustChunk",
        "bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert",
        "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "encryptAES", "decryptAES", "randBytes",
        "uuidv4", "semver", "semverCompare", "fail",
        "regexMatch", "mustRegexMatch", "regexFindAll", "mustRegexFindAll", "regexFind", "mustRegexFind", "regexReplaceAll",
        "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral", "regexSplit", "mustRegexSplit", "regexQuoteMeta",
        "urlParse", "urlJoin",
    ];

    [Fact]
    public void EverySprigFunctionButEnvAndExpandenvIsDefined()
    {
        var missing = SprigFunctions.Where(name => !GoTemplateRenderer.FunctionNames.Contains(name)).ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain("env", GoTemplateRenderer.FunctionNames);
        Assert.DoesNotContain("expandenv", GoTemplateRenderer.FunctionNames);
    }

    [Fact]
    public void TheSveltosAndHelmExtrasAreDefined()
    {
        string[] extras = ["toToml", "toYaml", "fromYaml", "fromYamlArray", "fromJsonArray", "getResource", "copy", "getField", "setField", "removeField", "chainSetField", "chainRemoveField", "include", "tpl", "required", "lookup"];
        var missing = extras.Where(name => !GoTemplateRenderer.FunctionNames.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("{{ env \"HOME\" }}", "env")]
    [InlineData("{{ \"$HOME\" | expandenv }}", "expandenv")]
    public void EnvAndExpandenvAreRefusedWhenTheTemplateIsParsed(string text, string name)
    {
        var e = Assert.Throws<TemplateException>(() => new GoTemplateRenderer().Compile(text, "t"));
        Assert.Equal(TemplateErrorIds.Forbidden, e.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, e.Kind);
        Assert.Contains($"function \"{name}\" not defined: templates cannot read environment variables", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvInsideTplIsRefusedToo() =>
        Assert.Equal(TemplateErrorIds.Forbidden, Fails("{{ tpl \"{{ env \\\"HOME\\\" }}\" . }}").ErrorId);

    [Fact]
    public void GetHostByNameSaysTheNetworkIsOutOfReach()
    {
        var e = Fails("{{ getHostByName \"example.com\" }}");
        Assert.Equal(TemplateErrorIds.Forbidden, e.ErrorId);
        Assert.Contains("cannot reach the network", e.Message, StringComparison.Ordinal);
    }
}
