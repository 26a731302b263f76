using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>A problem found at a field path of one document; <see cref="At"/> gives its position when read from text.</summary>
internal sealed record FieldProblem(string ErrorId, string Path, string Message, YamlNode? At);
