namespace Sveltos.Engine.Kube;

public sealed record KubeClientOptions
{
    public static readonly KubeClientOptions Default = new();

    /// <summary>Time allowed for one request (watches excepted).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts for a request that fails transiently (429, 5xx, timeouts, refused connections).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest Retry-After the client honours before giving up on a throttled request.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public string UserAgent { get; init; } = "sveltos-powershell";
}
