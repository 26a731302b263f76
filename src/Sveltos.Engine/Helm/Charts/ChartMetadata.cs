using System.Text;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Helm.Charts;

/// <summary>
/// Chart.yaml, with properties named like the fields of Helm's chart.Metadata. <see cref="Parse"/> reads and validates
/// it as Helm's loader does (sanitized strings, apiVersion v1 when absent, name and a semantic version required, type
/// application or library, aliases well-formed and unique).
/// </summary>
public sealed record ChartMetadata
{
    public const string ApiVersionV1 = "v1";
    public const string ApiVersionV2 = "v2";

    public string ApiVersion { get; init; } = "";

    public string Name { get; init; } = "";

    public string Version { get; init; } = "";

    public string KubeVersion { get; init; } = "";

    public string Description { get; init; } = "";

    public string Type { get; init; } = "";

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string Home { get; init; } = "";

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<ChartDependency> Dependencies { get; init; } = [];

    public IReadOnlyList<ChartMaintainer> Maintainers { get; init; } = [];

    public string Icon { get; init; } = "";

    public string AppVersion { get; init; } = "";

    public bool Deprecated { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string Condition { get; init; } = "";

    public string Tags { get; init; } = "";

    /// <summary>True for a library chart (templates only to be included by other charts, never rendered on their own).</summary>
    public bool IsLibrary => Type == "library";

    /// <summary>Reads and validates Chart.yaml text; <paramref name="sourceName"/> names the file in errors.</summary>
    /// <exception cref="HelmException">The YAML does not parse, a field has the wrong type, or the metadata is invalid.</exception>
    public static ChartMetadata Parse(string yaml, string sourceName)
    {
        var fields = Fields(yaml, sourceName, "chart.Metadata");
        var metadata = Read(fields, fields is null ? [] : ReadDependencies(fields, "dependencies"));
        metadata.Validate(fields, sourceName);
        return metadata;
    }

    /// <summary>A copy with other dependencies (a v1 chart's requirements.yaml, or the processed ones of a render).</summary>
    public ChartMetadata WithDependencies(IReadOnlyList<ChartDependency> dependencies) => this with { Dependencies = dependencies };

    /// <summary>
    /// The value templates see as <c>.Chart</c>: a map with the Go field names of chart.Metadata (Name, Version,
    /// AppVersion, APIVersion, Annotations, ...).
    /// </summary>
    public Dictionary<string, object?> ToTemplateValue() => new(StringComparer.Ordinal)
    {
        ["Name"] = Name,
        ["Home"] = Home,
        ["Sources"] = Sources.Select(s => (object?)s).ToList(),
        ["Version"] = Version,
        ["Description"] = Description,
        ["Keywords"] = Keywords.Select(s => (object?)s).ToList(),
        ["Maintainers"] = Maintainers.Select(m => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = m.Name, ["Email"] = m.Email, ["URL"] = m.Url }).ToList(),
        ["Icon"] = Icon,
        ["APIVersion"] = ApiVersion,
        ["Condition"] = Condition,
        ["Tags"] = Tags,
        ["AppVersion"] = AppVersion,
        ["Deprecated"] = Deprecated,
        ["Annotations"] = Annotations.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal),
        ["KubeVersion"] = KubeVersion,
        ["Dependencies"] = Dependencies.Select(d => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = d.Name, ["Version"] = d.Version, ["Repository"] = d.Repository, ["Condition"] = d.Condition,
            ["Tags"] = d.Tags.Select(t => (object?)t).ToList(), ["Enabled"] = d.Enabled,
            ["ImportValues"] = d.ImportValues.ToList(), ["Alias"] = d.Alias,
        }).ToList(),
        ["Type"] = Type,
    };

    /// <summary>Reads the dependencies of a v1 chart's requirements.yaml.</summary>
    internal static IReadOnlyList<ChartDependency> ParseRequirements(string yaml, string sourceName, string chartName)
    {
        var fields = Fields(yaml, sourceName, "chart.Metadata", chartName);
        return fields is null ? [] : ReadDependencies(fields, "dependencies");
    }

    internal static ChartYamlFields? Fields(string yaml, string sourceName, string structName, string? chartName = null)
    {
        var label = chartName ?? sourceName;
        var documents = YamlDocumentReader.Read(yaml);
        var first = documents.FirstOrDefault();
        if (first?.Error is { } error)
        {
            throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                $"chart '{label}': {sourceName} line {error.Line}, column {error.Column}: the YAML does not parse: {error.Message}",
                label, sourceName, error.Line);
        }

        return first?.Root switch
        {
            null or YamlScalar { IsNull: true } => null,
            YamlMapping mapping => new ChartYamlFields(mapping, sourceName, label, structName),
            var other => throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                $"chart '{label}': {sourceName} line {other.Line}: the file must be a mapping of fields, not {other.Describe()}",
                label, sourceName, other.Line),
        };
    }

    internal static IReadOnlyList<ChartDependency> ReadDependencies(ChartYamlFields fields, string field) =>
        fields.Mappings(field, "Dependency", "dependencies must not contain empty or null nodes").Select(ChartDependency.Read).ToList();

    /// <summary>Helm's sanitizeString: whitespace becomes a space, unprintable characters are dropped.</summary>
    internal static string Sanitize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                result.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                     or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse
                     or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.LineSeparator
                     or System.Globalization.UnicodeCategory.ParagraphSeparator))
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    private static ChartMetadata Read(ChartYamlFields? fields, IReadOnlyList<ChartDependency> dependencies)
    {
        if (fields is null)
        {
            return new ChartMetadata { ApiVersion = ApiVersionV1 };
        }

        return new ChartMetadata
        {
            Name = Sanitize(fields.String("name") ?? ""),
            Home = Sanitize(fields.String("home") ?? ""),
            Sources = fields.Strings("sources").Select(Sanitize).ToList(),
            Version = fields.String("version") ?? "",
            Description = Sanitize(fields.String("description") ?? ""),
            Keywords = fields.Strings("keywords").Select(Sanitize).ToList(),
            Maintainers = fields.Mappings("maintainers", "Maintainer", "maintainers must not contain empty or null nodes")
                .Select(m => new ChartMaintainer(Sanitize(m.String("name") ?? ""), Sanitize(m.String("email") ?? ""), Sanitize(m.String("url") ?? "")))
                .ToList(),
            Icon = Sanitize(fields.String("icon") ?? ""),
            // Helm 2 accepted charts without an apiVersion; Helm reads them as v1.
            ApiVersion = fields.String("apiVersion") is { Length: > 0 } api ? api : ApiVersionV1,
            Condition = Sanitize(fields.String("condition") ?? ""),
            Tags = Sanitize(fields.String("tags") ?? ""),
            AppVersion = Sanitize(fields.String("appVersion") ?? ""),
            Deprecated = fields.Bool("deprecated"),
            Annotations = fields.StringMap("annotations"),
            KubeVersion = Sanitize(fields.String("kubeVersion") ?? ""),
            Dependencies = dependencies,
            Type = fields.String("type") ?? "",
        };
    }

    private void Validate(ChartYamlFields? fields, string sourceName)
    {
        var label = Name.Length > 0 ? Name : sourceName;
        HelmException Fail(string field, string message)
        {
            var line = fields?.LineOf(field) ?? 1;
            return new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData, $"chart '{label}': {sourceName} line {line}: {message}", label, sourceName, line,
                "Correct Chart.yaml; it needs apiVersion (v2), name and a semantic version such as 1.0.0.");
        }

        if (ApiVersion is not (ApiVersionV1 or ApiVersionV2))
        {
            throw Fail("apiVersion", $"apiVersion '{ApiVersion}' is not valid: it must be v1 or v2");
        }

        if (Name.Length == 0)
        {
            throw Fail("name", "the chart has no name (chart.metadata.name is required)");
        }

        if (Name is "." or "..")
        {
            throw Fail("name", $"the chart name \"{Name}\" is not allowed");
        }

        if (Name.Contains('/'))
        {
            throw Fail("name", $"the chart name \"{Name}\" is invalid: it must not contain path separators");
        }

        if (Version.Length == 0)
        {
            throw Fail("version", "the chart has no version (chart.metadata.version is required)");
        }

        if (!ChartVersionText.IsValid(Version))
        {
            throw Fail("version", $"the chart version \"{Version}\" is invalid: it must be a semantic version such as 1.2.3");
        }

        if (Type is not ("" or "application" or "library"))
        {
            throw Fail("type", $"the chart type \"{Type}\" is invalid: chart.metadata.type must be application or library");
        }

        ValidateDependencies(Dependencies, label, sourceName);
    }

    internal static void ValidateDependencies(IReadOnlyList<ChartDependency> dependencies, string chartName, string sourceName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dependency in dependencies)
        {
            if (dependency.Alias.Length > 0 && !dependency.Alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                    $"chart '{chartName}': {sourceName} line {dependency.Line}: dependency \"{dependency.Name}\" has disallowed characters in the alias \"{dependency.Alias}\" (letters, digits, '.', '_' and '-' only)",
                    chartName, sourceName, dependency.Line);
            }

            var key = dependency.Alias.Length > 0 ? dependency.Alias : dependency.Name;
            if (!seen.Add(key))
            {
                throw new HelmException(HelmErrorIds.ChartInvalid, ErrorKind.InvalidData,
                    $"chart '{chartName}': {sourceName} line {dependency.Line}: more than one dependency with name or alias \"{key}\"",
                    chartName, sourceName, dependency.Line);
            }
        }
    }
}
