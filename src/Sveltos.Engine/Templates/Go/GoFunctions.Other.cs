using System.Globalization;
using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>Sprig's defaults, flow, JSON, type and date functions; the Sveltos functions; Helm's include/tpl/required.</summary>
internal static partial class GoFunctions
{
    private static void AddSprigOther(Adder add)
    {
        add("default", 1, Many, (_, a) => a.Length < 2 || IsEmpty(a[1]) ? a[0] : a[1]);
        add("empty", 1, 1, (_, a) => IsEmpty(a[0]));
        add("coalesce", 0, Many, (_, a) => a.FirstOrDefault(v => !IsEmpty(v)));
        add("all", 0, Many, (_, a) => a.All(v => !IsEmpty(v)));
        add("any", 0, Many, (_, a) => a.Any(v => !IsEmpty(v)));
        add("ternary", 3, 3, (_, a) => GoValues.IsTrue(a[2]) ? a[0] : a[1]);
        // The plain encoders write "" for a value JSON cannot hold (NaN, infinity); the must* ones fail.
        add("toJson", 1, 1, (e, a) => e.Bounded(OrEmpty(() => GoJson.Marshal(a[0]))));
        add("mustToJson", 1, 1, (e, a) => e.Bounded(GoJson.Marshal(a[0])));
        add("toRawJson", 1, 1, (e, a) => e.Bounded(OrEmpty(() => GoJson.Marshal(a[0], escapeHtml: false))));
        add("mustToRawJson", 1, 1, (e, a) => e.Bounded(GoJson.Marshal(a[0], escapeHtml: false)));
        add("toPrettyJson", 1, 1, (e, a) => e.Bounded(OrEmpty(() => GoJson.Marshal(a[0], indent: true))));
        add("mustToPrettyJson", 1, 1, (e, a) => e.Bounded(GoJson.Marshal(a[0], indent: true)));
        // Helm's fromJson and fromJsonArray report a bad text inside the result (an "Error" key, a one-item list); Sprig's mustFromJson fails.
        add("fromJson", 1, 1, (_, a) => FromJson(Str(a[0])));
        add("mustFromJson", 1, 1, (_, a) => GoJson.Unmarshal(Str(a[0])));
        add("fromJsonArray", 1, 1, (_, a) => FromJsonArray(Str(a[0])));
        add("typeOf", 1, 1, (_, a) => GoValues.TypeName(a[0]));
        add("typeIs", 2, 2, (_, a) => Str(a[0]) == GoValues.TypeName(a[1]));
        add("typeIsLike", 2, 2, (_, a) => Str(a[0]).TrimStart('*') == GoValues.TypeName(a[1]));
        add("kindOf", 1, 1, (_, a) => GoValues.KindName(a[0]));
        add("kindIs", 2, 2, (_, a) => Str(a[0]) == GoValues.KindName(a[1]));
        add("deepEqual", 2, 2, (_, a) => DeepEqual(a[0], a[1]));
        add("now", 0, 0, (_, _) => DateTimeOffset.Now);
        add("date", 2, 2, (_, a) => GoTime.Format(Time(a[1]), Str(a[0])));
        add("dateInZone", 3, 3, (_, a) => GoTime.Format(InZone(Time(a[1]), Str(a[2])), Str(a[0])));
        add("date_in_zone", 3, 3, (_, a) => GoTime.Format(InZone(Time(a[1]), Str(a[2])), Str(a[0])));
        add("htmlDate", 1, 1, (_, a) => GoTime.Format(Time(a[0]), "2006-01-02"));
        add("htmlDateInZone", 2, 2, (_, a) => GoTime.Format(InZone(Time(a[0]), Str(a[1])), "2006-01-02"));
        add("unixEpoch", 1, 1, (_, a) => Time(a[0]).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        // dateModify and toDate ignore a bad duration or date (the date unchanged, the zero time); the must* ones fail.
        add("dateModify", 2, 2, (_, a) => DateModify(Str(a[0]), Time(a[1])));
        add("date_modify", 2, 2, (_, a) => DateModify(Str(a[0]), Time(a[1])));
        add("mustDateModify", 2, 2, (_, a) => Time(a[1]) + Duration(Str(a[0])));
        add("must_date_modify", 2, 2, (_, a) => Time(a[1]) + Duration(Str(a[0])));
        add("durationRound", 1, 1, (_, a) => DurationRound(a[0]));
        add("duration", 1, 1, (_, a) => FormatDuration(TimeSpan.FromSeconds(ToInt64(a[0]))));
        add("ago", 1, 1, (_, a) => FormatDuration(TimeSpan.FromSeconds(Math.Round((DateTimeOffset.Now - Time(a[0])).TotalSeconds))));
        add("toDate", 2, 2, (_, a) => TryParseTime(Str(a[0]), Str(a[1])) ?? DateTimeOffset.MinValue);
        add("mustToDate", 2, 2, (_, a) => ParseTime(Str(a[0]), Str(a[1])));
        add("semver", 1, 1, (_, a) => new SprigVersion(SemanticVersion.Parse(Str(a[0]))));
        add("semverCompare", 2, 2, (_, a) => SemanticVersion.Satisfies(Str(a[0]), Str(a[1])));
        add("getHostByName", 1, 1, (_, _) => throw new GoFunctionException("templates cannot reach the network (getHostByName)", TemplateErrorIds.Forbidden));
    }

    private static Dictionary<string, object?> FromJson(string text)
    {
        try
        {
            return GoJson.Unmarshal(text) switch
            {
                Dictionary<string, object?> map => map,
                null => new Dictionary<string, object?>(StringComparer.Ordinal),
                var other => new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = GoJson.CannotUnmarshal(other, GoJson.MapType) },
            };
        }
        catch (GoFunctionException e) when (e.ErrorId == TemplateErrorIds.FunctionError)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = e.Message };
        }
    }

    private static List<object?> FromJsonArray(string text)
    {
        try
        {
            return GoJson.Unmarshal(text) switch
            {
                List<object?> list => list,
                null => [],
                var other => [GoJson.CannotUnmarshal(other, GoJson.SliceType)],
            };
        }
        catch (GoFunctionException e) when (e.ErrorId == TemplateErrorIds.FunctionError)
        {
            return [e.Message];
        }
    }

    private static DateTimeOffset Time(object? value) => value switch
    {
        DateTimeOffset t => t,
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds).ToLocalTime(),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => DateTimeOffset.Now,
    };

    private static DateTimeOffset InZone(DateTimeOffset time, string zone)
    {
        try
        {
            return zone is "" or "UTC" ? time.ToUniversalTime() : TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
        catch (TimeZoneNotFoundException)
        {
            return time.ToUniversalTime();
        }
    }

    private static DateTimeOffset ParseTime(string layout, string value) =>
        TryParseTime(layout, value) ?? throw new GoFunctionException($"parsing time \"{value}\" as \"{layout}\": cannot parse");

    private static DateTimeOffset? TryParseTime(string layout, string value)
    {
        var format = layout
            .Replace("2006", "yyyy", StringComparison.Ordinal).Replace("01", "MM", StringComparison.Ordinal).Replace("02", "dd", StringComparison.Ordinal)
            .Replace("15", "HH", StringComparison.Ordinal).Replace("04", "mm", StringComparison.Ordinal).Replace("05", "ss", StringComparison.Ordinal)
            .Replace("Z07:00", "K", StringComparison.Ordinal).Replace("-07:00", "zzz", StringComparison.Ordinal).Replace("T", "'T'", StringComparison.Ordinal);
        return DateTimeOffset.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private static string OrEmpty(Func<string> encode)
    {
        try
        {
            return encode();
        }
        catch (GoFunctionException)
        {
            return "";
        }
    }

    private static DateTimeOffset DateModify(string duration, DateTimeOffset time)
    {
        try
        {
            return time + Duration(duration);
        }
        catch (GoFunctionException)
        {
            return time;
        }
    }

    /// <summary>Sprig's durationRound: the largest whole unit (y = 365 days, m = 30 days (sic), d, h, m, s) of a duration text, nanoseconds or the time since a date.</summary>
    private static string DurationRound(object? value)
    {
        var span = value switch
        {
            string text => TryDuration(text),
            long nanoseconds => TimeSpan.FromTicks(nanoseconds / 100),
            DateTimeOffset since => DateTimeOffset.Now - since,
            _ => TimeSpan.Zero,
        };
        var ticks = Math.Abs(span.Ticks);
        (long Size, string Unit)[] units =
        [
            (TimeSpan.TicksPerDay * 365, "y"), (TimeSpan.TicksPerDay * 30, "mo"), (TimeSpan.TicksPerDay, "d"),
            (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"), (TimeSpan.TicksPerSecond, "s"),
        ];
        foreach (var (size, unit) in units)
        {
            if (ticks > size)
            {
                return (ticks / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return "0s";
    }

    private static TimeSpan TryDuration(string text)
    {
        try
        {
            return Duration(text);
        }
        catch (GoFunctionException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Go's time.ParseDuration: "1h30m", "-2h", "1.5s", "300ms".</summary>
    private static TimeSpan Duration(string text) =>
        Text.GoDuration.TryParse(text) ?? throw new GoFunctionException($"time: invalid duration \"{text}\"");

    /// <summary>Go's Duration.String: "1h30m0s", "45s", "0s".</summary>
    private static string FormatDuration(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        var hours = (long)span.TotalHours;
        var text = hours > 0 ? $"{hours}h{span.Minutes}m" : span.Minutes > 0 ? $"{span.Minutes}m" : "";
        return sign + text + $"{span.Seconds}s";
    }
}
