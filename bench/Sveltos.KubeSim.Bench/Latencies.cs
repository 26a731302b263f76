namespace Sveltos.KubeSim.Bench;

/// <summary>Collected request latencies and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void AddRange(Latencies other) => _milliseconds.AddRange(other._milliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }
        _milliseconds.Sort();
        return _milliseconds[(int)Math.Min(_milliseconds.Count - 1, Math.Round(p / 100 * (_milliseconds.Count - 1)))];
    }

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();
}
