namespace Sveltos.Engine;

/// <summary>
/// An error the engine reports to its callers. <see cref="ErrorId"/> is stable (cmdlets use it as the
/// PowerShell ErrorId) and <see cref="Target"/> names what failed: a file, a cluster, an object.
/// Messages never contain credentials.
/// </summary>
public class SveltosException : Exception
{
    public SveltosException(string errorId, ErrorKind kind, string message, string? target = null, string? recommendedAction = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
        RecommendedAction = recommendedAction;
    }

    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    public string? Target { get; }

    public string? RecommendedAction { get; }

    /// <summary>The file the error is about (a profile, a content file), for CI annotations; null when unknown.</summary>
    public string? SourceFile { get; set; }

    /// <summary>1-based line in <see cref="SourceFile"/>, when known.</summary>
    public int? SourceLine { get; set; }
}

/// <summary>Broad error classes, mapped one-to-one onto PowerShell error categories by the cmdlets.</summary>
public enum ErrorKind
{
    InvalidData,
    InvalidArgument,
    ObjectNotFound,
    ReadError,
    ConnectionError,
    PermissionDenied,
    ResourceExists,
    ResourceUnavailable,
    OperationTimeout,
    Conflict,
    NotImplemented,
    LimitsExceeded,
}
