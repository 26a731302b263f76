namespace Sveltos.Engine.Helm.Releases;

/// <summary>Helm's release.HookExecution: the last run of a hook. A hook never run has zero times and phase "".</summary>
public sealed record HookExecution
{
    public HelmTime StartedAt { get; init; }

    public HelmTime CompletedAt { get; init; }

    /// <summary>One of <see cref="HookPhase"/>, or "".</summary>
    public string Phase { get; init; } = "";
}
