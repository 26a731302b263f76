using System.Globalization;
using System.Text;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Go's time layouts (reference time Mon Jan 2 15:04:05 MST 2006), as Sprig's date functions take them.</summary>
internal static class GoTime
{
    private static readonly string[] Tokens =
    [
        "January", "Monday", "2006", "-07:00:00", "-0700", "-07:00", "Z07:00", "Z0700", "Jan", "Mon", "MST", "002", "-07",
        "01", "02", "_2", "06", "15", "03", "04", "05", "PM", "pm", "1", "2", "3", "4", "5",
    ];

    public static string Format(DateTimeOffset time, string layout)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            if (layout[i] is '.' or ',' && i + 1 < layout.Length && layout[i + 1] is '0' or '9')
            {
                var j = i + 1;
                while (j < layout.Length && layout[j] == layout[i + 1])
                {
                    j++;
                }

                if (j >= layout.Length || !char.IsAsciiDigit(layout[j]))
                {
                    var digits = j - i - 1;
                    var fraction = (time.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).PadRight(9, '0')[..Math.Min(9, digits)];
                    if (layout[i + 1] == '9')
                    {
                        fraction = fraction.TrimEnd('0');
                        text.Append(fraction.Length > 0 ? layout[i] + fraction : "");
                    }
                    else
                    {
                        text.Append(layout[i]).Append(fraction);
                    }

                    i = j;
                    continue;
                }
            }

            var token = Tokens.FirstOrDefault(t => string.CompareOrdinal(layout, i, t, 0, t.Length) == 0);
            if (token is null)
            {
                text.Append(layout[i++]);
                continue;
            }

            text.Append(Value(time, token));
            i += token.Length;
        }

        return text.ToString();
    }

    private static string Value(DateTimeOffset t, string token)
    {
        var offset = t.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return token switch
        {
            "January" => t.ToString("MMMM", CultureInfo.InvariantCulture),
            "Jan" => t.ToString("MMM", CultureInfo.InvariantCulture),
            "Monday" => t.DayOfWeek.ToString(),
            "Mon" => t.DayOfWeek.ToString()[..3],
            "2006" => t.Year.ToString("0000", CultureInfo.InvariantCulture),
            "06" => (t.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            "01" => t.Month.ToString("00", CultureInfo.InvariantCulture),
            "1" => t.Month.ToString(CultureInfo.InvariantCulture),
            "02" => t.Day.ToString("00", CultureInfo.InvariantCulture),
            "_2" => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
            "2" => t.Day.ToString(CultureInfo.InvariantCulture),
            "002" => t.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
            "15" => t.Hour.ToString("00", CultureInfo.InvariantCulture),
            "03" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString("00", CultureInfo.InvariantCulture),
            "3" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(CultureInfo.InvariantCulture),
            "04" => t.Minute.ToString("00", CultureInfo.InvariantCulture),
            "4" => t.Minute.ToString(CultureInfo.InvariantCulture),
            "05" => t.Second.ToString("00", CultureInfo.InvariantCulture),
            "5" => t.Second.ToString(CultureInfo.InvariantCulture),
            "PM" => t.Hour >= 12 ? "PM" : "AM",
            "pm" => t.Hour >= 12 ? "pm" : "am",
            "MST" => offset == TimeSpan.Zero ? "UTC" : $"{sign}{abs.Hours:00}{(abs.Minutes != 0 ? abs.Minutes.ToString("00", CultureInfo.InvariantCulture) : "")}",
            "Z07:00" when offset == TimeSpan.Zero => "Z",
            "Z0700" when offset == TimeSpan.Zero => "Z",
            "Z07:00" or "-07:00" => $"{sign}{abs.Hours:00}:{abs.Minutes:00}",
            "-07:00:00" => $"{sign}{abs.Hours:00}:{abs.Minutes:00}:{abs.Seconds:00}",
            "Z0700" or "-0700" => $"{sign}{abs.Hours:00}{abs.Minutes:00}",
            "-07" => $"{sign}{abs.Hours:00}",
            _ => token,
        };
    }
}
