using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// What a policyRef, kustomizationRef or Flux chart names, its templated name and namespace already rendered: a
/// ConfigMap/Secret, a Flux GitRepository/OCIRepository/Bucket, or a remoteURL. <see cref="Where"/> names it in errors.
/// </summary>
public sealed record SourceReference(string Kind, string Namespace, string Name, bool Optional, string Where)
{
    public RemoteUrlReference? RemoteUrl { get; init; }

    public bool IsFlux => Kind is FluxSource.GitRepository or FluxSource.OciRepository or FluxSource.Bucket;
}
