using Sveltos.Engine.Helm.Rendering;
using Sveltos.HelmCorpus;

// Renders every case of a corpus of real `helm template` goldens (cases.json, charts/, expected/, derived/) with the
// engine and prints, per case, identical / differs (the first differing line, both sides) / blocked (why), then the
// total. The corpus lives outside the repository: the first argument, else $HELM_CORPUS, else /work/helm-corpus.
// A second argument runs only the cases whose name contains it.
var root = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("HELM_CORPUS") ?? "/work/helm-corpus";
var casesFile = Path.Combine(root, "cases.json");
if (!File.Exists(casesFile))
{
    Console.Error.WriteLine($"No corpus at {root}: {casesFile} does not exist. Give the corpus folder as the first argument or in HELM_CORPUS.");
    return 2;
}

var filter = args.Length > 1 ? args[1] : null;
var cases = CorpusCase.LoadAll(root).Where(c => filter is null || c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
var runner = new CaseRunner(root, new HelmRenderer());
var outcomes = new List<CaseOutcome>();
foreach (var test in cases)
{
    var outcome = runner.Run(test);
    outcomes.Add(outcome);
    Console.WriteLine($"{Label(outcome.Status),-9} {test.Name}{(outcome.Golden is { } golden ? $" [{golden}]" : "")}");
    if (outcome.Reason is { } reason)
    {
        Console.WriteLine($"    why: {reason}");
    }

    if (outcome.Difference is { } difference)
    {
        Console.WriteLine($"    first difference at {difference}");
    }
}

int Count(CaseStatus status) => outcomes.Count(o => o.Status == status);
Console.WriteLine();
Console.WriteLine($"{Count(CaseStatus.Identical)} of {cases.Count} identical ({Count(CaseStatus.Differs)} differ, {Count(CaseStatus.Blocked)} blocked); " +
    $"{Count(CaseStatus.Identical)} of {cases.Count - Count(CaseStatus.Blocked)} runnable cases identical");
return 0;

static string Label(CaseStatus status) => status switch
{
    CaseStatus.Identical => "identical",
    CaseStatus.Differs => "DIFFERS",
    _ => "blocked",
};
