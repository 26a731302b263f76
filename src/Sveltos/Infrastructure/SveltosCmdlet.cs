using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Kube;

namespace Sveltos.Infrastructure;

/// <summary>
/// Base of the module's cmdlets: a cancellation token that Ctrl+C (StopProcessing) cancels, a way to run
/// engine work off the pipeline thread while streaming its output on it, and the one path every error and
/// warning of the module takes (CI annotations, and a failed CI run for errors nobody silenced).
/// </summary>
public abstract class SveltosCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    protected CancellationToken CancelToken => stopping.Token;

    protected override void StopProcessing() => stopping.Cancel();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            stopping.Dispose();
        }
    }

    /// <summary>Writes a non-terminating error, with its CI annotation.</summary>
    public new void WriteError(ErrorRecord errorRecord) => WriteError(errorRecord, null);

    /// <summary>Writes a non-terminating error with the given CI annotations (default: one, from the error itself).</summary>
    internal void WriteError(ErrorRecord errorRecord, IReadOnlyList<CiAnnotation>? annotations)
    {
        if (Repeated("error " + errorRecord.FullyQualifiedErrorId.Split(',')[0] + ": " + (errorRecord.ErrorDetails?.Message ?? errorRecord.Exception.Message)))
        {
            return;
        }

        var preference = StreamPreferences.Error(this);
        if (!StreamPreferences.Silences(preference))
        {
            Annotate(errorRecord, annotations);

            // With Stop the error ends the script, which fails the run unless the script catches it.
            if (preference != ActionPreference.Stop)
            {
                CiHost.FailRun(this);
            }
        }

        base.WriteError(errorRecord);
    }

    /// <summary>Ends the cmdlet with a terminating error, with its CI annotation.</summary>
    public new void ThrowTerminatingError(ErrorRecord errorRecord) => ThrowTerminatingError(errorRecord, null);

    /// <summary>Ends the cmdlet with a terminating error, with the given CI annotations (default: one, from the error).</summary>
    internal void ThrowTerminatingError(ErrorRecord errorRecord, IReadOnlyList<CiAnnotation>? annotations)
    {
        if (!StreamPreferences.Silences(StreamPreferences.Error(this)))
        {
            Annotate(errorRecord, annotations);

            // A terminating error ends only its statement unless $ErrorActionPreference is Stop: the script goes on and exits 0.
            if (StreamPreferences.ErrorActionPreference(this) != ActionPreference.Stop)
            {
                CiHost.FailRun(this);
            }
        }

        base.ThrowTerminatingError(errorRecord);
    }

    /// <summary>Writes a warning, with its CI annotation.</summary>
    public new void WriteWarning(string text)
    {
        if (Repeated("warning: " + text))
        {
            return;
        }

        if (!StreamPreferences.Silences(StreamPreferences.Warning(this)))
        {
            CiAnnotations.Warning(this, new CiAnnotation(text));
        }

        base.WriteWarning(text);
    }

    /// <summary>
    /// True when <paramref name="report"/> (an error or a warning) only repeats what the cmdlet said before and
    /// is left out; a command that runs in rounds says so with <see cref="RoundRepeats"/>.
    /// </summary>
    internal virtual bool Repeated(string report) => false;

    /// <summary>
    /// The file a source named in an error stands for (a profile's <c>fleet/profiles/web.yaml</c>), or null
    /// when it is not a file that exists.
    /// </summary>
    internal virtual string? SourceFile(string source)
    {
        try
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(source);
            return File.Exists(path) ? path : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or PSInvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a worker thread. It talks to the pipeline through the pump
    /// (pump.Post(() => WriteObject(...))). Ctrl+C cancels the token and returns promptly.
    /// </summary>
    internal void RunOffPipeline(Func<PipelinePump, CancellationToken, Task> work)
    {
        var pump = new PipelinePump();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
        using var retries = RetryLog.Listen(retry => pump.Post(() => WriteVerbose(retry.ToString()), cancel.Token));
        try
        {
            pump.Run(() => work(pump, cancel.Token), cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs one engine call to completion off the pipeline thread, cancellable by Ctrl+C.</summary>
    internal T Await<T>(Func<CancellationToken, Task<T>> call)
    {
        T result = default!;
        RunOffPipeline(async (_, token) => result = await call(token).ConfigureAwait(false));
        return result;
    }

    internal void Await(Func<CancellationToken, Task> call) => RunOffPipeline((_, token) => call(token));

    private void Annotate(ErrorRecord errorRecord, IReadOnlyList<CiAnnotation>? annotations)
    {
        var title = errorRecord.FullyQualifiedErrorId.Split(',')[0];
        foreach (var annotation in annotations ?? [Of(errorRecord)])
        {
            CiAnnotations.Error(this, title, annotation);
        }
    }

    private CiAnnotation Of(ErrorRecord errorRecord)
    {
        var message = errorRecord.ErrorDetails?.Message is { Length: > 0 } details ? details : errorRecord.Exception.Message;
        if (errorRecord.ErrorDetails?.RecommendedAction is { Length: > 0 } action)
        {
            message += Environment.NewLine + action;
        }

        return errorRecord.Exception is SveltosException { SourceFile: { } source } located
            ? new CiAnnotation(message, SourceFile(source), located.SourceLine)
            : new CiAnnotation(message);
    }
}
