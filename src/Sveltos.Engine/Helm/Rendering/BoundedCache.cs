using System.Collections.Concurrent;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary>A thread-safe cache that forgets everything once it holds more than its capacity (renders are cheap to redo; memory is not free).</summary>
internal sealed class BoundedCache<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public TValue GetOrAdd(string key, Func<TValue> create)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create();
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, value);
    }
}
