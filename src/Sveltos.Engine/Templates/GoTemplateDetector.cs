using System.Text;
using System.Text.RegularExpressions;
using Scriban.Syntax;

namespace Sveltos.Engine.Templates;

/// <summary>
/// Recognises content written for the Sveltos controllers (Go templates) and says how to write it in Scriban. To
/// never misfire on valid Scriban, the code blocks are searched only when Scriban cannot parse the text; a text that
/// parses is Go only if it calls a Sveltos/Sprig function by its Go name (<c>getResource</c>, <c>toYaml</c>, ...),
/// which no Scriban template defines.
/// </summary>
internal static partial class GoTemplateDetector
{
    private static readonly Dictionary<string, string> Functions = new(StringComparer.Ordinal)
    {
        ["getResource"] = "get_resource",
        ["getField"] = "get_field",
        ["setField"] = "set_field",
        ["removeField"] = "remove_field",
        ["chainSetField"] = "chain_set_field",
        ["chainRemoveField"] = "chain_remove_field",
        ["toYaml"] = "to_yaml",
        ["fromYaml"] = "from_yaml",
        ["fromYamlArray"] = "from_yaml_array",
        ["toJson"] = "to_json",
        ["fromJson"] = "from_json",
        ["fromJsonArray"] = "from_json_array",
        ["b64enc"] = "string.base64_encode",
        ["b64dec"] = "string.base64_decode",
        ["sha256sum"] = "string.sha256",
        ["hasKey"] = "object.has_key",
        ["toString"] = "object.format",
    };

    public sealed record Finding(int Index, string Construct, string Original, string Suggestion);

    /// <summary>A Go construct in a text Scriban could not parse, or null.</summary>
    public static Finding? FindInUnparsable(string text)
    {
        foreach (var block in CodeBlocks(text))
        {
            if (FindConstruct(text, block) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The Go data roots. Scriban reads <c>x .Cluster</c> as a member access, so Go's <c>default "west" .Cluster.x</c>
    /// parses; no Scriban template names a member like these after a space.
    /// </summary>
    private static readonly HashSet<string> DataRoots = ["Cluster", "MgmtResources", "InfrastructureProvider", "KubeadmControlPlane", "Values", "Release"];

    /// <summary>A Go function name or data root in a text Scriban parsed, or null.</summary>
    public static Finding? FindInParsed(string text, ScriptNode page)
    {
        var root = CodeBlocks(text)
            .Select(b => (Block: b, Match: FieldAccess().Matches(b.Code).FirstOrDefault(m => DataRoots.Contains(m.Value[1..]))))
            .FirstOrDefault(f => f.Match is not null);
        if (root.Match is not null)
        {
            var original = text[root.Block.Start..root.Block.End];
            return new Finding(root.Block.Start + root.Match.Index, $"the Go field access '{root.Match.Value}'", original, Suggest(original));
        }

        var pending = new Stack<ScriptNode>([page]);
        while (pending.TryPop(out var node))
        {
            if (node is ScriptVariableGlobal variable && Functions.ContainsKey(variable.Name))
            {
                var index = IndexOf(text, variable.Span.Start.Line, variable.Span.Start.Column);
                var block = CodeBlocks(text).FirstOrDefault(b => b.Start <= index && index < b.End);
                var original = block.End > 0 ? text[block.Start..block.End] : variable.Name;
                return new Finding(index, $"the Go template function '{variable.Name}'", original, Suggest(original));
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        return null;
    }

    private static Finding? FindConstruct(string text, (int Start, int End, string Code) block)
    {
        var original = text[block.Start..block.End];
        Finding At(int offset, string construct) => new(block.Start + offset, construct, original, Suggest(original));

        if (GoComment().Match(block.Code) is { Success: true } comment)
        {
            return At(comment.Index, "a Go template comment '{{/* ... */}}'");
        }

        var candidates = new List<Finding>();
        if (Declaration().Match(block.Code) is { Success: true } declaration)
        {
            candidates.Add(At(declaration.Index, "the Go variable declaration ':='"));
        }

        if (GoKeyword().Match(block.Code) is { Success: true } keyword)
        {
            var hint = keyword.Groups[1].Value == "range"
                ? " (Scriban loops with 'for item in list' ... 'end'; over a map each item has .key and .value)"
                : " (Scriban has no named templates; define a function with 'func name' ... 'end')";
            candidates.Add(At(keyword.Groups[1].Index, $"the Go template action '{keyword.Groups[1].Value}'{hint}"));
        }

        if (FieldAccess().Match(block.Code) is { Success: true } field)
        {
            candidates.Add(At(field.Index, $"the Go field access '{field.Value}'"));
        }

        if (Identifier().Matches(block.Code).FirstOrDefault(m => Functions.ContainsKey(m.Value)) is { } function)
        {
            candidates.Add(At(function.Index, $"the Go template function '{function.Value}'"));
        }

        return candidates.MinBy(c => c.Index);
    }

    /// <summary>The Scriban form of a Go template action, as close as a rewrite by patterns gets.</summary>
    private static string Suggest(string action)
    {
        var text = GoCommentAction().Replace(action, m => "{{# " + m.Groups[1].Value.Trim() + " }}");
        text = Identifier().Replace(text, m => Functions.GetValueOrDefault(m.Value, m.Value));
        text = text.Replace("$.", ".", StringComparison.Ordinal);
        text = MgmtResources().Replace(text, "resources.");
        text = FieldAccess().Replace(text, m => SnakeCase(m.Value[1..]));
        text = Index().Replace(text, m => m.Groups[1].Value + string.Concat(m.Groups[2].Captures.Select(c => "[" + c.Value + "]")));
        text = DefaultCall().Replace(text, m => $"{m.Groups[2].Value} ?? {m.Groups[1].Value}");
        text = RangeKeyValue().Replace(text, "for $1 in ");
        text = RangeValue().Replace(text, "for $1 in ");
        text = RangeBare().Replace(text, "for item in ");
        text = Declaration().Replace(text, "$1 =");
        return Dollar().Replace(text, "$1");
    }

    /// <summary>The code blocks of a text: start and end of each <c>{{ ... }}</c> and its code with strings and comments blanked.</summary>
    private static IEnumerable<(int Start, int End, string Code)> CodeBlocks(string text)
    {
        var i = 0;
        while (i < text.Length - 1)
        {
            if (text[i] == '{' && RawBlockEnd(text, i) is var rawEnd && rawEnd > i)
            {
                i = rawEnd;
                continue;
            }

            if (text[i] != '{' || text[i + 1] != '{')
            {
                i++;
                continue;
            }

            var start = i;
            // Two blanks stand for the opening braces, so offsets in the code are offsets from the block start.
            var code = new StringBuilder("  ");
            i += 2;
            while (i < text.Length && !(text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}'))
            {
                var quote = text[i];
                if (quote is '"' or '\'' or '`')
                {
                    var close = i + 1;
                    while (close < text.Length && text[close] != quote)
                    {
                        close += quote != '`' && text[close] == '\\' ? 2 : 1;
                    }

                    close = Math.Min(close, text.Length - 1);
                    code.Append(quote).Append(' ', close - i - 1).Append(text[close]);
                    i = close + 1;
                }
                else if (quote == '#')
                {
                    var multi = i + 1 < text.Length && text[i + 1] == '#';
                    var close = multi ? text.IndexOf("##", i + 2, StringComparison.Ordinal) : text.IndexOfAny(['\n', '}'], i);
                    close = close < 0 ? text.Length : multi ? close + 2 : close;
                    code.Append(' ', close - i);
                    i = close;
                }
                else
                {
                    code.Append(text[i]);
                    i++;
                }
            }

            i = Math.Min(i + 2, text.Length);
            yield return (start, i, code.ToString());
        }
    }

    /// <summary>Scriban's escape blocks <c>{%{ ... }%}</c> (with any number of %) hold text that is never code.</summary>
    private static int RawBlockEnd(string text, int start)
    {
        var percents = 0;
        while (start + 1 + percents < text.Length && text[start + 1 + percents] == '%')
        {
            percents++;
        }

        if (percents == 0 || start + 1 + percents >= text.Length || text[start + 1 + percents] != '{')
        {
            return -1;
        }

        var close = "}" + new string('%', percents) + "}";
        var end = text.IndexOf(close, start + percents + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + close.Length;
    }

    private static int IndexOf(string text, int line, int column)
    {
        var index = 0;
        for (var l = 0; l < line && index >= 0; l++)
        {
            index = text.IndexOf('\n', index) + 1;
        }

        return Math.Max(0, index) + column;
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 && !char.IsUpper(name[i - 1]) ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    [GeneratedRegex(@"^\s*[-~]?\s*/\*")]
    private static partial Regex GoComment();

    [GeneratedRegex(@"\{\{-?\s*/\*(.*?)\*/\s*-?\}\}", RegexOptions.Singleline)]
    private static partial Regex GoCommentAction();

    [GeneratedRegex(@"\$(\w+)\s*:=")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\s*[-~]?\s*(range|define|template|block)\b")]
    private static partial Regex GoKeyword();

    [GeneratedRegex(@"(?<=^|[\s(,|~-])\.[A-Za-z_]\w*")]
    private static partial Regex FieldAccess();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![\w.])\.MgmtResources\.")]
    private static partial Regex MgmtResources();

    [GeneratedRegex(@"\bindex\s+([^\s""}]+)(?:\s+(""[^""]*""|\d+))+")]
    private static partial Regex Index();

    [GeneratedRegex(@"\bdefault\s+(""[^""]*""|'[^']*'|[^\s}]+)\s+([^\s}]+)")]
    private static partial Regex DefaultCall();

    [GeneratedRegex(@"\brange\s+\$\w+\s*,\s*\$(\w+)\s*:=\s*")]
    private static partial Regex RangeKeyValue();

    [GeneratedRegex(@"\brange\s+\$(\w+)\s*:=\s*")]
    private static partial Regex RangeValue();

    [GeneratedRegex(@"\brange\s+(?!\$)")]
    private static partial Regex RangeBare();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Dollar();
}
