namespace Sveltos.Engine.Helm.Releases;

/// <summary>Helm's release.Hook: a rendered hook manifest, the events it runs on, its weight, policies and last run.</summary>
public sealed record ReleaseHook
{
    public string Name { get; init; } = "";

    /// <summary>The Kubernetes kind of the hook object.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The template it was rendered from, e.g. <c>web/templates/tests/test.yaml</c>.</summary>
    public string Path { get; init; } = "";

    public string Manifest { get; init; } = "";

    /// <summary>Each one of <see cref="HookEvent"/>.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public HookExecution LastRun { get; init; } = new();

    public int Weight { get; init; }

    /// <summary>Each one of <see cref="HookDeletePolicy"/>.</summary>
    public IReadOnlyList<string> DeletePolicies { get; init; } = [];

    /// <summary>Each one of <see cref="HookOutputLogPolicy"/>.</summary>
    public IReadOnlyList<string> OutputLogPolicies { get; init; } = [];

    /// <summary>Fields of a newer Helm this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object?> UnknownFields { get; init; } = ReleaseJsonReader.NoFields;
}
