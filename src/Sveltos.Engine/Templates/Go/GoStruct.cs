namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// A Go struct in the value model: a map whose fields encoding/json writes in declaration order (the order they
/// were added), where a Go map's keys are sorted.
/// </summary>
internal sealed class GoStruct() : Dictionary<string, object?>(StringComparer.Ordinal);
