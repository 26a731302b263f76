namespace Sveltos.Engine.Helm.Sources;

/// <summary>
/// A chart could not be located or fetched: a bad reference or version constraint, a repository or registry that
/// refused or failed, a download whose digest does not match. <see cref="SveltosException.Target"/> names the
/// repository URL or registry reference, never a credential.
/// </summary>
public sealed class ChartSourceException : SveltosException
{
    public ChartSourceException(string errorId, ErrorKind kind, string message, string? target = null, string? recommendedAction = null, Exception? inner = null)
        : base(errorId, kind, message, target, recommendedAction, inner)
    {
    }
}

/// <summary>The stable error ids of chart sources.</summary>
public static class ChartSourceErrorIds
{
    public const string InvalidReference = "HelmChartReferenceInvalid";
    public const string InvalidConstraint = "HelmVersionConstraintInvalid";
    public const string ChartNotFound = "HelmChartNotFound";
    public const string VersionNotFound = "HelmChartVersionNotFound";
    public const string Unauthorized = "HelmRepositoryUnauthorized";
    public const string Forbidden = "HelmRepositoryForbidden";
    public const string Unreachable = "HelmRepositoryUnreachable";
    public const string InvalidIndex = "HelmRepositoryIndexInvalid";
    public const string InvalidManifest = "HelmRegistryManifestInvalid";
    public const string DigestMismatch = "HelmChartDigestMismatch";
    public const string RegistryError = "HelmRegistryError";
}
