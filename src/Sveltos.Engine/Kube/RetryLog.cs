using System.Collections.Immutable;

namespace Sveltos.Engine.Kube;

/// <summary>
/// Makes retried requests visible. Listeners (a cmdlet's verbose stream) hear every retry made in the async flow
/// that registered them; a counter (one sync pair, one cluster) counts the retries of the innermost scope only,
/// so nested scopes never count one retry twice.
/// </summary>
public static class RetryLog
{
    private static readonly AsyncLocal<ImmutableList<Action<RequestRetry>>> Listeners = new();
    private static readonly AsyncLocal<RetryCounter?> Counter = new();

    /// <summary>Hears every retry made in this flow until the returned scope is disposed.</summary>
    public static IDisposable Listen(Action<RequestRetry> listener)
    {
        var previous = Listeners.Value;
        Listeners.Value = (previous ?? []).Add(listener);
        return new Scope(() => Listeners.Value = previous!);
    }

    /// <summary>Counts this flow's retries into <paramref name="counter"/> (and not into any outer one) until disposed.</summary>
    public static IDisposable CountInto(RetryCounter counter)
    {
        var previous = Counter.Value;
        Counter.Value = counter;
        return new Scope(() => Counter.Value = previous);
    }

    internal static void Report(RequestRetry retry)
    {
        Counter.Value?.Add();
        foreach (var listener in Listeners.Value ?? [])
        {
            listener(retry);
        }
    }

    private sealed class Scope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>How many requests were retried within a scope.</summary>
public sealed class RetryCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);

    /// <summary>The count so far, leaving zero: for counts that are reported once.</summary>
    public int Take() => Interlocked.Exchange(ref count, 0);
}
