using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Helm.Releases;

/// <summary>
/// A time as Helm stores it (helm.sh/helm/v3/pkg/time, a wrapper of Go's time.Time): nanosecond precision and the
/// offset it was taken in, both kept so a time read from a release is written back to the same text. Go's zero time
/// is <see cref="Zero"/>.
/// </summary>
public readonly partial record struct HelmTime
{
    private const long NanosecondsPerTick = 100;

    private HelmTime(DateTimeOffset value, int extraNanoseconds)
    {
        Value = value;
        ExtraNanoseconds = extraNanoseconds;
    }

    public static HelmTime Zero => default;

    /// <summary>The time, to the tick (100 ns).</summary>
    public DateTimeOffset Value { get; }

    /// <summary>The nanoseconds below a tick (0-99) that Go kept and a DateTimeOffset cannot.</summary>
    public int ExtraNanoseconds { get; }

    public bool IsZero => Value.UtcTicks == 0 && ExtraNanoseconds == 0;

    public static HelmTime From(DateTimeOffset value) => new(value, 0);

    /// <summary>Helm's MarshalJSON: the zero time as the empty string, any other as Go's RFC 3339 with nanoseconds.</summary>
    public string ToJsonText() => IsZero ? "" : ToGoText();

    /// <summary>
    /// Go's time.Time text in JSON (layout RFC3339Nano): fractional seconds without trailing zeros (none when whole),
    /// "Z" for a zero offset, else ±hh:mm.
    /// </summary>
    public string ToGoText()
    {
        var text = new StringBuilder(Value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture));
        var nanoseconds = (Value.Ticks % TimeSpan.TicksPerSecond * NanosecondsPerTick) + ExtraNanoseconds;
        if (nanoseconds > 0)
        {
            text.Append('.').Append(nanoseconds.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        var offset = Value.Offset;
        if (offset == TimeSpan.Zero)
        {
            return text.Append('Z').ToString();
        }

        text.Append(offset < TimeSpan.Zero ? '-' : '+');
        return text.Append(offset.Duration().ToString("hh':'mm", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>Reads an RFC 3339 time as Go's time.Time UnmarshalJSON does (fractional seconds of any length, to the nanosecond).</summary>
    public static bool TryParse(string text, out HelmTime time)
    {
        time = Zero;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var offset = match.Groups["zulu"].Success
            ? TimeSpan.Zero
            : new TimeSpan(Number("oh"), Number("om"), 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        var fraction = match.Groups["fraction"].Value;
        var nanoseconds = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
        try
        {
            var whole = new DateTimeOffset(Number("year"), Number("month"), Number("day"), Number("hour"), Number("minute"), Number("second"), offset);
            time = new HelmTime(whole.AddTicks(nanoseconds / NanosecondsPerTick), (int)(nanoseconds % NanosecondsPerTick));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public override string ToString() => ToJsonText();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d+))?(?:(?<zulu>[Zz])|(?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
