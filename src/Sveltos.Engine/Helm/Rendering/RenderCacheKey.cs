using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>
/// SHA-256 keys for the render caches: a chart tree's digest (every file of every chart, computed once per loaded
/// chart), template texts, and values written canonically (sorted keys, typed scalars, so 1 and 1.0 differ as they
/// print differently).
/// </summary>
internal static class RenderCacheKey
{
    private static readonly ConditionalWeakTable<Chart, string> ChartDigests = [];

    public static string ChartDigest(Chart chart) => ChartDigests.GetValue(chart, static c =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddChart(hash, c);
        return Convert.ToHexString(hash.GetHashAndReset());
    });

    public static string Templates(IEnumerable<RenderableTemplate> templates)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var template in templates)
        {
            Add(hash, template.Name);
            Add(hash, template.Text);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static string Render(Chart chart, IDictionary<string, object?>? values, HelmRenderOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, ChartDigest(chart));
        AddValue(hash, values is null ? null : new Dictionary<string, object?>(values, StringComparer.Ordinal), 0);
        Add(hash, options.ReleaseName ?? "\0");
        Add(hash, options.NameTemplate ?? "\0");
        Add(hash, options.Namespace);
        Add(hash, options.KubeVersion ?? "\0");
        Add(hash, string.Join('\n', options.ApiVersions));
        Add(hash, options.ServedApiVersions is null ? "\0defaults" : string.Join('\n', options.ServedApiVersions));
        Add(hash, string.Join('\n', options.ShowOnly));
        Add(hash, $"{options.IncludeCrds}{options.SkipTests}{options.HideSecret}{options.IsUpgrade}{options.Revision}{options.SkipSchemaValidation}{options.SubNotes}");
        AddValue(hash, options.ChartValues is null ? null : new Dictionary<string, object?>(options.ChartValues, StringComparer.Ordinal), 0);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void AddChart(IncrementalHash hash, Chart chart)
    {
        Add(hash, chart.ChartFullPath);
        foreach (var file in chart.Raw)
        {
            Add(hash, file.Path);
            hash.AppendData(BitConverter.GetBytes(file.Data.Length));
            hash.AppendData(file.Data);
        }

        foreach (var dependency in chart.Dependencies)
        {
            AddChart(hash, dependency);
        }
    }

    private static void AddValue(IncrementalHash hash, object? value, int depth)
    {
        if (depth > 200)
        {
            throw new InvalidOperationException("the values are nested too deeply");
        }

        switch (value)
        {
            case null:
                Add(hash, "n");
                break;
            case string s:
                Add(hash, "s" + s);
                break;
            case bool b:
                Add(hash, b ? "t" : "f");
                break;
            case double d:
                Add(hash, "d" + d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IDictionary<string, object?> map:
                Add(hash, "{" + map.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    Add(hash, key);
                    AddValue(hash, map[key], depth + 1);
                }

                break;
            case System.Collections.IDictionary map:
                AddValue(hash, map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", k => map[k], StringComparer.Ordinal), depth);
                break;
            case System.Collections.IEnumerable list:
                var items = list.Cast<object?>().ToList();
                Add(hash, "[" + items.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var item in items)
                {
                    AddValue(hash, item, depth + 1);
                }

                break;
            default:
                Add(hash, value.GetType().Name + Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void Add(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
