using System.Globalization;

namespace Sveltos.Engine.Profiles;

/// <summary>spec.maxUpdate: how many matching clusters may be updated at once, as a count or a percentage.</summary>
public readonly record struct MaxUpdate
{
    private MaxUpdate(int value, bool isPercentage)
    {
        Value = value;
        IsPercentage = isPercentage;
    }

    /// <summary>The count, or the percentage (0–100).</summary>
    public int Value { get; }

    /// <summary>True for a percentage such as <c>30%</c>.</summary>
    public bool IsPercentage { get; }

    /// <summary>A number of clusters (at least 0).</summary>
    public static MaxUpdate Count(int count) =>
        count >= 0 ? new(count, false) : throw new ArgumentOutOfRangeException(nameof(count), "maxUpdate must not be negative");

    /// <summary>A percentage of matching clusters (0–100).</summary>
    public static MaxUpdate Percentage(int percent) =>
        percent is >= 0 and <= 100 ? new(percent, true) : throw new ArgumentOutOfRangeException(nameof(percent), "maxUpdate percentage must be between 0 and 100");

    /// <summary>Reads <c>5</c> or <c>30%</c>, the forms the Sveltos API accepts.</summary>
    public static bool TryParse(string? text, out MaxUpdate value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        if (digits.Length == 0 || digits.Length > (percent ? 3 : 9) || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || (percent && number > 100) || (percent && digits.Length == 3 && digits != "100"))
        {
            return false;
        }

        value = new MaxUpdate(number, percent);
        return true;
    }

    /// <summary><c>5</c> or <c>30%</c>.</summary>
    public override string ToString() => IsPercentage ? $"{Value}%" : Value.ToString(CultureInfo.InvariantCulture);
}
