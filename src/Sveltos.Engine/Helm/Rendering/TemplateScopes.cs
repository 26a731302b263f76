using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>One template file to render, with the data its chart sees (Helm's engine.renderable).</summary>
internal sealed record RenderableTemplate(string Name, string Text, Dictionary<string, object?> Scope, string BasePath);

/// <summary>
/// Helm's allTemplates/recAllTpls: every chart of the tree gets its own top-level data (.Chart with IsRoot, .Files,
/// .Release, .Capabilities, .Values — the parent's values under the chart's name for a subchart — and .Subcharts,
/// the children's data by name); its templates are named <c>&lt;chart full path&gt;/&lt;file&gt;</c>. A library
/// chart contributes only its partials.
/// </summary>
internal static class TemplateScopes
{
    public static List<RenderableTemplate> Collect(Chart chart, Dictionary<string, object?> values, Dictionary<string, object?> release, HelmCapabilities capabilities)
    {
        var templates = new List<RenderableTemplate>();
        Collect(chart, values, release, capabilities, templates);
        return templates;
    }

    private static Dictionary<string, object?> Collect(Chart chart, Dictionary<string, object?> parentValues, Dictionary<string, object?> release, HelmCapabilities capabilities, List<RenderableTemplate> templates)
    {
        var metadata = chart.Metadata.ToTemplateValue();
        metadata["IsRoot"] = chart.IsRoot;
        var subcharts = new Dictionary<string, object?>(StringComparer.Ordinal);
        var values = chart.IsRoot ? parentValues
            : parentValues.GetValueOrDefault(chart.Name) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Chart"] = metadata,
            ["Files"] = new ChartFiles(chart.Files.Select(f => new KeyValuePair<string, byte[]>(f.Path, f.Data))),
            ["Release"] = release,
            ["Capabilities"] = capabilities,
            ["Values"] = values,
            ["Subcharts"] = subcharts,
        };

        foreach (var child in chart.Dependencies)
        {
            subcharts[child.Name] = Collect(child, values, release, capabilities, templates);
        }

        var basePath = chart.ChartFullPath + "/templates";
        foreach (var template in chart.Templates)
        {
            if (string.Equals(chart.Metadata.Type, "library", StringComparison.OrdinalIgnoreCase) && !GoText.BaseName(template.Path).StartsWith('_'))
            {
                continue;
            }

            templates.Add(new RenderableTemplate($"{chart.ChartFullPath}/{template.Path}", System.Text.Encoding.UTF8.GetString(template.Data), scope, basePath));
        }

        return scope;
    }
}
