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

        var commandLine = TemplateCommandLine.Parse(test.Args);
        if (commandLine.Unsupported.Count > 0)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"unsupported: {string.Join(", ", commandLine.Unsupported)}");
        }

        var missingValues = commandLine.ValuesFiles.Where(f => !File.Exists(Path.Combine(ChartsRoot, f))).ToList();
        if (missingValues.Count > 0)
        {
            return new CaseOutcome(CaseStatus.Blocked, $"values file missing from the corpus: {string.Join(", ", missingValues)}");
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

    /// <summary>The engine's output, or the message of its error (with <c>Error: </c> when the case is not compared by the error text alone).</summary>
    private string Render(CorpusCase test, TemplateCommandLine commandLine, out bool failed)
    {
        var chartDirectory = Directory.CreateTempSubdirectory("helm-corpus-").FullName;
        try
        {
            CopyTree(Path.Combine(ChartsRoot, test.Chart!), chartDirectory);
            if (test.ChartOverlay is { } overlay)
            {
                CopyTree(Path.Combine(ChartsRoot, overlay), chartDirectory);
            }

            var files = commandLine.ValuesFiles.Select(f => (File.ReadAllText(Path.Combine(ChartsRoot, f)), f)).ToList();
            var chart = ChartLoader.Load(chartDirectory);
            var result = renderer.Render(chart, HelmValues.MergeUserValues(commandLine.UserValues(files)), commandLine.Options);
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
