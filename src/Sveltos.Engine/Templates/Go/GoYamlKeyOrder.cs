using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// The order go-yaml writes map keys in (its keyList sort): letters compare by code point, a run of digits compares
/// by its numeric value ("a2" before "a10"), and anything not a letter sorts before a letter.
/// </summary>
internal static class GoYamlKeyOrder
{
    public static List<string> Sort(IEnumerable<string> keys)
    {
        var items = keys.Select(k => (Key: k, Runes: k.EnumerateRunes().Select(r => r.Value).ToArray())).ToArray();
        var buffer = new (string Key, int[] Runes)[items.Length];
        MergeSort(items, buffer, 0, items.Length);
        return items.Select(i => i.Key).ToList();
    }

    /// <summary>A stable merge sort: the comparison is go-yaml's, which is not always transitive, so .NET's sort could throw on it.</summary>
    private static void MergeSort((string Key, int[] Runes)[] items, (string Key, int[] Runes)[] buffer, int start, int end)
    {
        if (end - start < 2)
        {
            return;
        }

        var middle = (start + end) / 2;
        MergeSort(items, buffer, start, middle);
        MergeSort(items, buffer, middle, end);
        int left = start, right = middle, target = start;
        while (left < middle && right < end)
        {
            buffer[target++] = Less(items[right].Runes, items[left].Runes) ? items[right++] : items[left++];
        }

        while (left < middle)
        {
            buffer[target++] = items[left++];
        }

        while (right < end)
        {
            buffer[target++] = items[right++];
        }

        Array.Copy(buffer, start, items, start, end - start);
    }

    public static bool Less(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var aLetter = Rune.IsLetter(new Rune(a[i]));
            var bLetter = Rune.IsLetter(new Rune(b[i]));
            if (aLetter && bLetter)
            {
                return a[i] < b[i];
            }

            if (aLetter || bLetter)
            {
                return bLetter;
            }

            long aNumber = 0, bNumber = 0;
            if (a[i] == '0' || b[i] == '0')
            {
                // A zero inside a number (the "0" of "a10") continues that number rather than starting a new one.
                for (var j = i - 1; j >= 0 && Rune.IsDigit(new Rune(a[j])); j--)
                {
                    if (a[j] != '0')
                    {
                        aNumber = 1;
                        bNumber = 1;
                        break;
                    }
                }
            }

            var aEnd = i;
            for (; aEnd < a.Length && Rune.IsDigit(new Rune(a[aEnd])); aEnd++)
            {
                aNumber = (aNumber * 10) + (a[aEnd] - '0');
            }

            var bEnd = i;
            for (; bEnd < b.Length && Rune.IsDigit(new Rune(b[bEnd])); bEnd++)
            {
                bNumber = (bNumber * 10) + (b[bEnd] - '0');
            }

            if (aNumber != bNumber)
            {
                return aNumber < bNumber;
            }

            if (aEnd != bEnd)
            {
                return aEnd < bEnd;
            }

            return a[i] < b[i];
        }

        return a.Length < b.Length;
    }
}
