using System.Management.Automation;
using Sveltos.Engine.Kube;

namespace Sveltos.Infrastructure;

/// <summary>
/// Base of the module's cmdlets: a cancellation token that Ctrl+C (StopProcessing) cancels, and a way
/// to run engine work off the pipeline thread while streaming its output on it.
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
}
