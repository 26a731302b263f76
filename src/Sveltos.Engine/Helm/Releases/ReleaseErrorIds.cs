namespace Sveltos.Engine.Helm.Releases;

/// <summary>The stable error ids of Helm release storage (PowerShell ErrorIds).</summary>
public static class ReleaseErrorIds
{
    /// <summary>A release Secret whose data is not a Helm 3 release (bad base64, gzip or JSON, a field of the wrong type).</summary>
    public const string ReleaseInvalid = "HelmReleaseInvalid";
}
