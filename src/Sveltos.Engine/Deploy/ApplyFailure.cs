namespace Sveltos.Engine.Deploy;

/// <summary>A pair whose content could not be produced, and the record it had: what a Failed record is made from.</summary>
public sealed record ApplyFailure(ProfileRef Profile, string Cluster, bool Local, DeploymentRecord? Previous, string Message);
