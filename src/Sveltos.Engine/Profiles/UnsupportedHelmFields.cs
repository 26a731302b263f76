using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>
/// The parts of a helmCharts entry that a sync does not act on yet. A Helm option set to Helm's own default
/// (wait: false, atomic: false ...) changes nothing and is not reported; one that asks for more is.
/// </summary>
/// <remarks>
/// Honoured: the chart's location (HTTP(S) repository or OCI registry), chartVersion (Helm's constraints), releaseName,
/// releaseNamespace, values (a Go template over the cluster's data), valuesFrom (ConfigMaps and Secrets), registryCredentialsConfig, helmChartAction, and options skipCRDs,
/// dependencyUpdate, disableHooks (and per operation), wait, waitForJobs, timeout, atomic, description, labels, enableClientCache (a cache, no
/// effect on the result), skipSchemaValidation, disableOpenAPIValidation (the module never validates client-side),
/// installOptions.createNamespace and replace, upgradeOptions.maxHistory, resetValues, reuseValues, resetThenReuseValues,
/// upgradeCRDs, cleanupOnFail, force and subNotes, uninstallOptions.keepHistory and deletionPropagation.
/// </remarks>
internal static class UnsupportedHelmFields
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["upgradeOptions.recreate"] = "Recreating pods on upgrade (upgradeOptions.recreate)",
    };

    public static IEnumerable<(string Path, string What, YamlNode At)> Find(YamlMapping entry, string path)
    {
        string[] schemes = ["http://", "https://", "oci://", "gitrepository://", "ocirepository://", "bucket://"];
        if (entry.Get("repositoryURL") is YamlScalar { Value: string url } urlNode && !schemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            yield return ($"{path}.repositoryURL", $"A chart from a {url.Split("://")[0]}:// source", urlNode);
        }

        if (entry.Get("options") is not YamlMapping options)
        {
            yield break;
        }

        foreach (var (key, value) in Flatten(options, ""))
        {
            if (Options.TryGetValue(key, out var what) && !IsHelmDefault(value))
            {
                yield return ($"{path}.options.{key}", what, value);
            }
        }
    }

    private static IEnumerable<(string Key, YamlNode Value)> Flatten(YamlMapping mapping, string prefix)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            if (value is YamlMapping nested && key.Text.EndsWith("Options", StringComparison.Ordinal))
            {
                foreach (var inner in Flatten(nested, $"{prefix}{key.Text}."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return ($"{prefix}{key.Text}", value);
            }
        }
    }

    // false for a switch is what Helm does when the option is not given.
    private static bool IsHelmDefault(YamlNode value) => value switch
    {
        YamlScalar { Value: false } => true,
        YamlScalar { IsNull: true } => true,
        _ => false,
    };
}
