using System.Management.Automation;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// An error about a cluster (and a profile there): its message starts with both, e.g.
    /// <c>Cluster 'fleet/c1', ClusterProfile/web: ...</c>, unless the engine's message already starts with them,
    /// so a log line says where it happened without reading TargetObject.
    /// </summary>
    public static ErrorRecord AboutCluster(SveltosException error, string cluster, string? profile = null) =>
        AboutCluster(error, Category(error.Kind), cluster, profile);

    /// <summary>An error about a cluster made here, with the same message rule as <see cref="AboutCluster(SveltosException, string, string?)"/>.</summary>
    public static ErrorRecord AboutCluster(string errorId, ErrorCategory category, string message, string cluster, string? profile, string recommendedAction) =>
        AboutCluster(new SveltosException(errorId, ErrorKind.InvalidData, message, cluster, recommendedAction), category, cluster, profile);

    private static ErrorRecord AboutCluster(SveltosException error, ErrorCategory category, string cluster, string? profile) =>
        new(error, error.ErrorId, category, profile is null ? cluster : $"{profile} on {cluster}")
        {
            ErrorDetails = new ErrorDetails(Located(error.Message, cluster, profile)) { RecommendedAction = error.RecommendedAction },
        };

    internal static string Located(string message, string cluster, string? profile)
    {
        var namesCluster = StartsWith(message, cluster) || StartsWith(message, $"Cluster '{cluster}'") || StartsWith(message, $"cluster {cluster}");
        var namesProfile = profile is null || Regex.IsMatch(message, $@"(?<![\w./-]){Regex.Escape(profile)}(?![\w./-])");
        return (namesCluster, namesProfile) switch
        {
            (true, true) => message,
            (true, false) => $"{profile}: {message}",
            (false, true) when profile is not null && StartsWith(message, profile) => $"Cluster '{cluster}', {message}",
            (false, true) => $"Cluster '{cluster}': {message}",
            (false, false) => $"Cluster '{cluster}', {profile}: {message}",
        };
    }

    // Starts with the name as a whole word: 'fleet/c1' is not named by a message about 'fleet/c10'.
    private static bool StartsWith(string message, string name) =>
        message.StartsWith(name, StringComparison.Ordinal)
        && (message.Length == name.Length || !(char.IsLetterOrDigit(message[name.Length]) || message[name.Length] is '-' or '.' or '/'));

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
