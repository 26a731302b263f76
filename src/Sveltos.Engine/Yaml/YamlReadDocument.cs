namespace Sveltos.Engine.Yaml;

/// <summary>
/// One document of a YAML stream. <see cref="Index"/> is 0-based and counts every document, empty ones too,
/// so it matches the document's position in the file. Either <see cref="Root"/> or <see cref="Error"/> is set.
/// </summary>
internal sealed record YamlReadDocument(int Index, int Line, YamlNode? Root, YamlSyntaxError? Error)
{
    /// <summary>True for a document with no content (e.g. a trailing <c>---</c>).</summary>
    public bool IsEmpty => Error is null && Root is YamlScalar { IsNull: true, IsPlain: true, Text.Length: 0 };
}

/// <summary>Why a document could not be read, with a 1-based position.</summary>
internal sealed record YamlSyntaxError(string Message, int Line, int Column);
