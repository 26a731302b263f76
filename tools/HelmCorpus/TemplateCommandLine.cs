using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.HelmCorpus;

/// <summary>
/// The flags of a <c>helm template</c> command line turned into the engine's options. Flags that change nothing
/// <c>helm template</c> prints on success are accepted; flags the engine has no equivalent for are listed in
/// <see cref="Unsupported"/>, never ignored.
/// </summary>
internal sealed class TemplateCommandLine
{
    // The kube version of Helm's test build (helm/helm's goldens print kube-version/minor "20"); a case from a chart
    // repository names the default of the helm build its CI used instead.
    private const string GoldenKubeVersion = "v1.20.0";

    private static readonly HashSet<string> NoEffectOnOutput = ["--hide-notes", "--skip-crds", "--create-namespace", "--wait", "--atomic"];

    private static readonly HashSet<string> ValueFlags =
    [
        "--set", "--set-string", "--set-file", "--set-json", "--set-literal", "-f", "--values", "-n", "--namespace", "--name-template",
        "--kube-version", "-a", "--api-versions", "-s", "--show-only", "--output-dir", "--post-renderer", "--post-renderer-args",
        "--version", "--repo", "--username", "--password", "--ca-file", "--cert-file", "--key-file", "--description", "--timeout", "--kubeconfig", "--kube-context",
    ];

    private readonly List<string> _set = [];
    private readonly List<string> _setString = [];
    private readonly List<string> _valuesFiles = [];
    private readonly List<string> _apiVersions = [];
    private readonly List<string> _showOnly = [];

    private TemplateCommandLine()
    {
    }

    public HelmRenderOptions Options { get; private set; } = new() { KubeVersion = GoldenKubeVersion };

    /// <summary>-f / --values paths, as given (relative to the corpus's charts/ folder).</summary>
    public IReadOnlyList<string> ValuesFiles => _valuesFiles;

    public string? OutputDirectory { get; private set; }

    /// <summary>--debug: on a YAML error Helm prints the raw rendered templates before the error.</summary>
    public bool Debug { get; private set; }

    public List<string> Unsupported { get; } = [];

    public static TemplateCommandLine Parse(IReadOnlyList<string> args, string? kubeVersion = null)
    {
        var line = new TemplateCommandLine();
        line.Options = line.Options with { KubeVersion = kubeVersion ?? GoldenKubeVersion };
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            if (!flag.StartsWith('-'))
            {
                positional.Add(flag);
                continue;
            }

            string? value = null;
            if (ValueFlags.Contains(flag))
            {
                value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    line.Unsupported.Add($"{flag} without a value");
                    continue;
                }
            }

            line.Apply(flag, value, inline);
        }

        if (positional.Count > 0)
        {
            // helm template [NAME] [CHART]: the chart is given by the case, so a positional argument is the release name.
            line.Options = line.Options with { ReleaseName = positional[0] };
            line.Unsupported.AddRange(positional.Skip(1).Select(p => $"extra argument {p}"));
        }

        line.Options = line.Options with { ApiVersions = line._apiVersions, ShowOnly = line._showOnly };
        return line;
    }

    public HelmUserValues UserValues(IReadOnlyList<(string Text, string SourceName)> files) =>
        new() { Files = files, Set = _set, SetString = _setString };

    private void Apply(string flag, string? value, string? inline)
    {
        switch (flag)
        {
            case "--set": _set.Add(value!); break;
            case "--set-string": _setString.Add(value!); break;
            case "-f" or "--values": _valuesFiles.Add(value!); break;
            case "-n" or "--namespace": Options = Options with { Namespace = value! }; break;
            case "--name-template": Options = Options with { NameTemplate = value }; break;
            case "--kube-version": Options = Options with { KubeVersion = value }; break;
            case "-a" or "--api-versions": _apiVersions.Add(value!); break;
            case "-s" or "--show-only": _showOnly.Add(value!); break;
            case "--output-dir": OutputDirectory = value; break;
            case "--include-crds": Options = Options with { IncludeCrds = IsTrue(inline) }; break;
            case "--skip-tests": Options = Options with { SkipTests = IsTrue(inline) }; break;
            case "--hide-secret": Options = Options with { HideSecret = IsTrue(inline) }; break;
            case "--is-upgrade": Options = Options with { IsUpgrade = IsTrue(inline) }; break;
            case "--debug": Debug = IsTrue(inline); break;
            default:
                if (!NoEffectOnOutput.Contains(flag))
                {
                    Unsupported.Add(flag);
                }

                break;
        }
    }

    private static bool IsTrue(string? inline) => inline is null || bool.Parse(inline);

    private static (string Flag, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
