namespace Sveltos.Engine.Content;

/// <summary>Content of a profile could not be produced for a cluster. Nothing is deployed or removed because of it.</summary>
public sealed class ContentException(string errorId, string message, string? target, string? recommendedAction = null)
    : SveltosException(errorId, ErrorKind.InvalidData, message, target, recommendedAction);
