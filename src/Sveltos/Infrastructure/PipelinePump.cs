using System.Threading.Channels;

namespace Sveltos.Infrastructure;

/// <summary>
/// Runs engine work off the pipeline thread and brings everything it wants to say back to the pipeline
/// thread, the only one allowed to call Write*. The queue is bounded, so a fast engine waits for a slow
/// consumer instead of buffering without limit.
/// </summary>
internal sealed class PipelinePump
{
    private readonly Channel<Action> queue = Channel.CreateBounded<Action>(new BoundedChannelOptions(256) { SingleReader = true });

    /// <summary>Queues an action for the pipeline thread; called from any thread.</summary>
    public void Post(Action action, CancellationToken cancellationToken)
    {
        if (!queue.Writer.TryWrite(action))
        {
            try
            {
                queue.Writer.WriteAsync(action, cancellationToken).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            catch (ChannelClosedException)
            {
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/> and runs posted actions on the calling (pipeline) thread until it
    /// ends. When an action throws (the pipeline was stopped downstream), the work is cancelled through
    /// <paramref name="cancel"/> and awaited before the exception propagates.
    /// </summary>
    public void Run(Func<Task> work, CancellationTokenSource cancel)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        });

        try
        {
            while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (queue.Reader.TryRead(out var action))
                {
                    action();
                }
            }
        }
        catch
        {
            cancel.Cancel();
            while (queue.Reader.TryRead(out _))
            {
            }

            task.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }

        task.GetAwaiter().GetResult();
    }
}
