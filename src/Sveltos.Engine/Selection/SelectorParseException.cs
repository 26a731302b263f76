namespace Sveltos.Engine.Selection;

/// <summary>A label selector (string or matchLabels/matchExpressions form) is not valid.</summary>
public sealed class SelectorParseException : SveltosException
{
    /// <summary>The stable error identifier for every selector problem.</summary>
    public const string InvalidSelectorErrorId = "InvalidSelector";

    internal SelectorParseException(string? selectorText, int? position, string? fieldPath, string problem)
        : base(InvalidSelectorErrorId, ErrorKind.InvalidArgument, FormatMessage(selectorText, position, fieldPath, problem), selectorText,
            "Write the selector as Kubernetes does, e.g. 'env=prod,tier in (web,api),!legacy'.")
    {
        SelectorText = selectorText;
        Position = position;
        FieldPath = fieldPath;
        Problem = problem;
    }

    /// <summary>The selector string, when the selector was given as a string.</summary>
    public string? SelectorText { get; }

    /// <summary>1-based character position of the problem in <see cref="SelectorText"/>.</summary>
    public int? Position { get; }

    /// <summary>Path of the offending field (e.g. <c>matchExpressions[1].operator</c>) for the mapping form.</summary>
    public string? FieldPath { get; }

    /// <summary>The problem alone, without the selector text or position.</summary>
    public string Problem { get; }

    private static string FormatMessage(string? text, int? position, string? path, string problem)
    {
        var where = text is not null ? $"invalid label selector '{text}'" : "invalid label selector";
        var field = string.IsNullOrEmpty(path) ? "" : $"{path}: ";
        var at = position is null ? "" : $" at position {position}";
        return $"{where}: {field}{problem}{at}";
    }
}
