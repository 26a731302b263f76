using Sveltos.Engine;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Values;

namespace Sveltos.HelmCorpus;

/// <summary>
/// Runs one corpus case as <c>helm template</c> would: the chart (with its overlay laid over it) loaded, the
/// command line's values and options given to the engine, and what Helm's test harness captured (stdout, or
/// cobra's <c>Error: </c> line) compared with the golden. Error cases are compared by the error text.
/// </summary>
internal sealed class CaseRunner(string corpusRoot, HelmRenderer renderer)
{
    // template.go adds this when the release exists but its manifests do not parse; it is the CLI's, not the engine's.
    private const string DebugHint = "\n\nUse --debug flag to render out invalid YAML";

    private string ChartsRoot => Path.Combine(corpusRoot, "charts");

    public CaseOutcome Run(CorpusCase test)
    {
        if (test.Chart is null)
        {
            return new CaseOutcome(CaseStatus.Blocked, "no chart: the case checks helm's own argument count (Expand-HelmChart's -Chart is mandatory)");
        }

        if (test.GoldenIsStale)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"the only golden is from an older Helm or chart ({test.ExpectedStatus})");
        }

        var commandLine = TemplateCommandLine.Parse(test.Args, test.KubeVersion);
        if (commandLine.Unsupported.Count > 0)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"unsupported: {string.Join(", ", commandLine.Unsupported)}");
        }

        var missingValues = commandLine.ValuesFiles.Where(f => !File.Exists(Path.Combine(ChartsRoot, f))).ToList();
        if (missingValues.Count > 0)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"values file missing from the corpus: {string.Join(", ", missingValues)}");
        }

        if (test.ExpectedTree is { } tree)
        {
            return RunTree(test, commandLine, Path.Combine(corpusRoot, "expected", tree));
        }

        var golden = test.DerivedExpected is { } derived ? Path.Combine(corpusRoot, derived) : Path.Combine(corpusRoot, "expected", test.Expected);
        var goldenName = Path.GetRelativePath(corpusRoot, golden);
        var expected = File.ReadAllText(golden);
        var actual = Render(test, commandLine, out var failed);
        if (test.GoldenStripsTrailingBlanks)
        {
            expected = StripTrailingBlanks(expected);
            actual = StripTrailingBlanks(actual);
        }

        if (test.ExpectsError && !commandLine.Debug)
        {
            expected = ErrorText(expected);
        }

        var difference = FirstDifference.Of(expected, actual);
        if (difference is null)
        {
            return new CaseOutcome(CaseStatus.Identical, Golden: goldenName);
        }

        if (test.ExpectsError && commandLine.Debug && failed)
        {
            return new CaseOutcome(CaseStatus.Blocked, "--debug on a failing render: Helm prints the raw rendered templates before the error; the engine does not return them", difference, goldenName);
        }

        if (!test.ChartComplete)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"chart incomplete in the corpus, missing: {string.Join("; ", test.Missing)}", difference, goldenName);
        }

        return new CaseOutcome(CaseStatus.Differs, Difference: difference, Golden: goldenName);
    }

    /// <summary>
    /// A case whose golden is a tree of <c>--output-dir</c> files: the engine writes its tree, laid out as the
    /// repository laid out Helm's (<see cref="OutputTree"/>), and both trees must hold the same files, byte for byte.
    /// </summary>
    private CaseOutcome RunTree(CorpusCase test, TemplateCommandLine commandLine, string goldenTree)
    {
        var goldenName = Path.GetRelativePath(corpusRoot, goldenTree);
        var output = Directory.CreateTempSubdirectory("helm-corpus-out-").FullName;
        try
        {
            var failure = RenderTo(test, commandLine, output);
            if (failure is not null)
            {
                return Verdict(test, new FirstDifference(1, "(the --output-dir tree)", "Error: " + failure), goldenName);
            }

            var actual = OutputTree.Read(output, test.TreeLayout ?? "as-written");
            var expected = OutputTree.ReadGolden(goldenTree);
            foreach (var path in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
            {
                if (!expected.TryGetValue(path, out var want))
                {
                    return Verdict(test, new FirstDifference(0, $"(no file {path})", $"(engine wrote {path})"), goldenName);
                }

                if (!actual.TryGetValue(path, out var got))
                {
                    return Verdict(test, new FirstDifference(0, $"(file {path})", $"(engine wrote no {path})"), goldenName);
                }

                if (FirstDifference.Of(want, got) is { } difference)
                {
                    return Verdict(test, difference with { File = path }, goldenName);
                }
            }

            return new CaseOutcome(CaseStatus.Identical, Golden: $"{goldenName} ({expected.Count} files)");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static CaseOutcome Verdict(CorpusCase test, FirstDifference difference, string goldenName) =>
        test.ChartComplete
            ? new CaseOutcome(CaseStatus.Differs, Difference: difference, Golden: goldenName)
            : new CaseOutcome(CaseStatus.Blocked, $"chart incomplete in the corpus, missing: {string.Join("; ", test.Missing)}", difference, goldenName);

    /// <summary>Writes the engine's <c>--output-dir</c> tree into <paramref name="output"/>; the error's message if the render failed.</summary>
    private string? RenderTo(CorpusCase test, TemplateCommandLine commandLine, string output)
    {
        var chartDirectory = Directory.CreateTempSubdirectory("helm-corpus-").FullName;
        try
        {
            var result = renderer.Render(LoadChart(test, chartDirectory), HelmValues.MergeUserValues(commandLine.UserValues(ValuesFiles(commandLine))), commandLine.Options);
            result.WriteOutputDirectory(output);
            return null;
        }
        catch (SveltosException e)
        {
            return e.Message;
        }
        finally
        {
            Directory.Delete(chartDirectory, recursive: true);
        }
    }

    private Chart LoadChart(CorpusCase test, string chartDirectory)
    {
        CopyTree(Path.Combine(ChartsRoot, test.Chart!), chartDirectory);
        if (test.ChartOverlay is { } overlay)
        {
            CopyTree(Path.Combine(ChartsRoot, overlay), chartDirectory);
        }

        return ChartLoader.Load(chartDirectory);
    }

    private List<(string, string)> ValuesFiles(TemplateCommandLine commandLine) =>
        commandLine.ValuesFiles.Select(f => (File.ReadAllText(Path.Combine(ChartsRoot, f)), f)).ToList();

    /// <summary>The engine's output, or the message of its error (with <c>Error: </c> when the case is not compared by the error text alone).</summary>
    private string Render(CorpusCase test, TemplateCommandLine commandLine, out bool failed)
    {
        var chartDirectory = Directory.CreateTempSubdirectory("helm-corpus-").FullName;
        try
        {
            var chart = LoadChart(test, chartDirectory);
            var result = renderer.Render(chart, HelmValues.MergeUserValues(commandLine.UserValues(ValuesFiles(commandLine))), commandLine.Options);
            failed = false;
            return commandLine.OutputDirectory is { } output ? result.WriteOutputDirectory(output) : result.HelmTemplateOutput;
        }
        catch (SveltosException e)
        {
            failed = true;
            return test.ExpectsError && !commandLine.Debug ? e.Message : $"Error: {e.Message}\n";
        }
        finally
        {
            Directory.Delete(chartDirectory, recursive: true);
        }
    }

    /// <summary>The error a golden shows: the text after cobra's <c>Error: </c>, without template.go's --debug hint.</summary>
    private static string ErrorText(string golden)
    {
        var at = golden.StartsWith("Error: ", StringComparison.Ordinal) ? 0 : golden.LastIndexOf("\nError: ", StringComparison.Ordinal) + 1;
        var text = golden[(at + "Error: ".Length)..].TrimEnd('\n');
        return text.EndsWith(DebugHint, StringComparison.Ordinal) ? text[..^DebugHint.Length] : text;
    }

    private static string StripTrailingBlanks(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.TrimEnd(' ', '\t')));

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
