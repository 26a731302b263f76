namespace Sveltos.KubeSim.Hosting;

/// <summary>Per-cluster request counts by verb, for benchmarks and tests.</summary>
internal sealed class RequestCounters
{
    public static readonly IReadOnlyList<string> Verbs = ["get", "list", "watch", "create", "update", "patch", "apply", "delete", "discovery", "rejected"];

    private readonly long[] _counts = new long[Verbs.Count];

    public void Increment(string verb)
    {
        var index = IndexOf(verb);
        if (index >= 0)
        {
            Interlocked.Increment(ref _counts[index]);
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < Verbs.Count; i++)
        {
            var value = Interlocked.Read(ref _counts[i]);
            result[Verbs[i]] = value;
            total += value;
        }
        result["total"] = total;
        return result;
    }

    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }
    }

    private static int IndexOf(string verb)
    {
        for (var i = 0; i < Verbs.Count; i++)
        {
            if (Verbs[i] == verb)
            {
                return i;
            }
        }
        return -1;
    }
}
