namespace Sveltos.Engine.Helm.Rendering;

/// <summary>A chart that cannot be rendered: the message says what Helm would say, <see cref="SveltosException.Target"/> names the template.</summary>
public sealed class HelmRenderException(string errorId, string message, string? target, string? recommendedAction = null, Exception? inner = null)
    : SveltosException(errorId, ErrorKind.InvalidData, message, target, recommendedAction, inner)
{
    public const string YamlParseError = "HelmYamlParseError";
    public const string TemplateNotFound = "HelmTemplateNotFound";
    public const string KubeVersionIncompatible = "HelmKubeVersionIncompatible";
    public const string InvalidReleaseName = "HelmInvalidReleaseName";
    public const string InvalidKubeVersion = "HelmInvalidKubeVersion";
    public const string TemplateError = "HelmTemplateError";
}
