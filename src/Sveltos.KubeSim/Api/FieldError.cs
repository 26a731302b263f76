namespace Sveltos.KubeSim.Api;

/// <summary>One validation failure, rendered as a StatusCause and as part of the 422 message.</summary>
internal sealed record FieldError(string Field, string Reason, string Detail)
{
    public static FieldError Required(string field, string? why = null) =>
        new(field, "FieldValueRequired", "Required value" + (why is null ? "" : ": " + why));

    public static FieldError Invalid(string field, string? value, string why) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {why}");

    public static FieldError Unsupported(string field, string? value, string[] supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError Forbidden(string field, string why) => new(field, "FieldValueForbidden", "Forbidden: " + why);

    public override string ToString() => $"{Field}: {Detail}";
}
