using System.Collections;

namespace Sveltos.Engine.Helm.Values;

/// <summary>What a user gives a render, in Helm's order of precedence (each overriding the one before).</summary>
public sealed record HelmUserValues
{
    /// <summary>Values files (-ValuesFile / -f): their text and a name for errors, merged left to right.</summary>
    public IReadOnlyList<(string Text, string SourceName)> Files { get; init; } = [];

    /// <summary>-Values: a dictionary read as if it were one more values file.</summary>
    public IDictionary? Values { get; init; }

    /// <summary>-Set lines (--set), applied in order.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>-SetString lines (--set-string), applied in order after -Set.</summary>
    public IReadOnlyList<string> SetString { get; init; } = [];
}
