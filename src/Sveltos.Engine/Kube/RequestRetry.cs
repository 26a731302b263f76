using System.Globalization;

namespace Sveltos.Engine.Kube;

/// <summary>One request the client sends again: where, what, why, and how long it waits first.</summary>
public sealed record RequestRetry(string Cluster, string Request, string Reason, int Attempt, int MaxAttempts, TimeSpan Wait)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Cluster '{Cluster}': {Request} {Reason}; retrying in {Wait.TotalSeconds:0.0} s (attempt {Attempt + 1} of {MaxAttempts}).");
}
