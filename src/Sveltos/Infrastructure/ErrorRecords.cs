using System.Management.Automation;
using Sveltos.Engine;

namespace Sveltos.Infrastructure;

/// <summary>Turns engine errors into PowerShell error records with a stable ErrorId and a real category.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target = null)
    {
        if (exception is not SveltosException engineError)
        {
            return new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target);
        }

        var record = new ErrorRecord(engineError, engineError.ErrorId, Category(engineError.Kind), target ?? engineError.Target);
        if (engineError.RecommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(engineError.Message) { RecommendedAction = engineError.RecommendedAction };
        }

        return record;
    }

    public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(new InvalidOperationException(message), errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    private static ErrorCategory Category(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidData => ErrorCategory.InvalidData,
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.ReadError => ErrorCategory.ReadError,
        ErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ErrorKind.ResourceExists => ErrorCategory.ResourceExists,
        ErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        ErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        ErrorKind.Conflict => ErrorCategory.ResourceBusy,
        ErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        ErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        _ => ErrorCategory.NotSpecified,
    };
}
