namespace Sveltos.Engine.Helm.Rendering;

/// <summary>The stable error ids of rendering (PowerShell ErrorIds), next to <see cref="HelmErrorIds"/>.</summary>
public static class HelmRenderErrorIds
{
    /// <summary>A template rendered text that is not valid YAML, or a document whose apiVersion/kind/metadata has the wrong type.</summary>
    public const string YamlParseError = "HelmYamlParseError";

    /// <summary>A template failed: a syntax error, an execution error, <c>fail</c> or <c>required</c>.</summary>
    public const string TemplateFailed = "HelmTemplateFailed";

    /// <summary>-ShowOnly names a template that rendered nothing.</summary>
    public const string TemplateNotFound = "HelmTemplateNotFound";

    /// <summary>The chart's kubeVersion constraint excludes the Kubernetes version rendered for.</summary>
    public const string KubeVersionIncompatible = "HelmKubeVersionIncompatible";

    /// <summary>A release name Helm does not accept, or a name template that fails.</summary>
    public const string InvalidReleaseName = "HelmInvalidReleaseName";

    /// <summary>A -KubeVersion that is not a version.</summary>
    public const string InvalidKubeVersion = "HelmInvalidKubeVersion";

    /// <summary>A chart that cannot be installed (a library chart) or whose Chart.yaml dependencies are missing from charts/.</summary>
    public const string ChartNotInstallable = "HelmChartNotInstallable";
}
