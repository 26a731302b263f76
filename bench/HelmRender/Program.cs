using System.Diagnostics;
using System.Globalization;
using Sveltos.Engine.Helm.Charts;
using Sveltos.Engine.Helm.Rendering;
using Sveltos.HelmRender.Bench;

// Renders a real-size chart (a parent with a library chart and two subcharts, one aliased, globals and
// import-values, written as community charts are) for 200 different value sets, then the same 200 again, then
// with every cache bypassed, and prints the three side by side with their ratios. Figures to compare over time
// and between machines as ratios; they never gate CI.
const int Sets = 200;
const int Rounds = 3;
const int CachedPasses = 10;

var chartPath = Path.Combine(AppContext.BaseDirectory, "Charts", "storefront");
var load = Stopwatch.StartNew();
var chart = ChartLoader.Load(chartPath);
load.Stop();

Warm(chart);

var cold = new List<TimeSpan>();
var cached = new List<TimeSpan>();
var bypassed = new List<TimeSpan>();
var outputLines = 0L;
for (var round = 0; round < Rounds; round++)
{
    var values = ValueSets.Create(round * Sets, Sets);
    var renderer = new HelmRenderer();
    // Parse the chart's templates once, with values outside the measured sets: parsing is per chart, not per value set.
    renderer.Render(chart, ValueSets.Create(20_000 + round, 1)[0]);

    var first = new HelmRenderResult[Sets];
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < Sets; i++)
    {
        first[i] = renderer.Render(chart, values[i]);
    }

    cold.Add(watch.Elapsed);
    outputLines += first.Sum(r => (long)r.HelmTemplateOutput.Count(c => c == '\n'));

    watch.Restart();
    for (var pass = 0; pass < CachedPasses; pass++)
    {
        for (var i = 0; i < Sets; i++)
        {
            if (!ReferenceEquals(renderer.Render(chart, values[i]), first[i]))
            {
                throw new InvalidOperationException($"value set {i}: the second render was not answered from the cache");
            }
        }
    }

    cached.Add(watch.Elapsed / CachedPasses);

    watch.Restart();
    for (var i = 0; i < Sets; i++)
    {
        if (new HelmRenderer().Render(chart, values[i]).HelmTemplateOutput != first[i].HelmTemplateOutput)
        {
            throw new InvalidOperationException($"value set {i}: a render without caches printed something else");
        }
    }

    bypassed.Add(watch.Elapsed);
}

var templateLines = TemplateLines(chart);
var coldMedian = Median(cold);
var cachedMedian = Median(cached);
var bypassedMedian = Median(bypassed);
Console.WriteLine(Invariant($"Helm render: chart {chart.Name} ({Charts(chart)} charts, {Templates(chart)} template files, {templateLines} template lines), loaded in {load.Elapsed.TotalMilliseconds:0} ms"));
Console.WriteLine(Invariant($"{Sets} different value sets, {outputLines / (Rounds * Sets)} output lines per render on average; median of {Rounds} rounds, one thread"));
Console.WriteLine();
Console.WriteLine("| render                                   | per render | renders/second |");
Console.WriteLine("| ---------------------------------------- | ---------: | -------------: |");
Row("first render of each value set", coldMedian);
Row("second render, same chart and values", cachedMedian);
Row("every cache bypassed (new renderer)", bypassedMedian);
Console.WriteLine();
Console.WriteLine(Invariant($"first / second (cached): {coldMedian / cachedMedian:0}x    bypassed / first: {bypassedMedian / coldMedian:0.00}x"));

void Row(string name, TimeSpan total) =>
    Console.WriteLine(Invariant($"| {name,-40} | {PerRender(total),10} | {Sets / total.TotalSeconds,14:0} |"));

static string PerRender(TimeSpan total)
{
    var microseconds = total.TotalMicroseconds / Sets;
    return microseconds >= 1000 ? Invariant($"{microseconds / 1000:0.00} ms") : Invariant($"{microseconds:0.0} us");
}

// JIT and tiered compilation settle before anything is timed.
static void Warm(Chart chart)
{
    var values = ValueSets.Create(10_000, 40);
    var renderer = new HelmRenderer();
    for (var pass = 0; pass < 3; pass++)
    {
        foreach (var set in values)
        {
            renderer.Render(chart, set);
            new HelmRenderer().Render(chart, set);
        }
    }
}

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

static int Charts(Chart chart) => 1 + chart.Dependencies.Sum(Charts);

static int Templates(Chart chart) => chart.Templates.Count + chart.Dependencies.Sum(Templates);

static int TemplateLines(Chart chart) =>
    chart.Templates.Sum(t => t.Data.Count(b => b == (byte)'\n')) + chart.Dependencies.Sum(TemplateLines);

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
