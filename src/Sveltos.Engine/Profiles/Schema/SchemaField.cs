namespace Sveltos.Engine.Profiles.Schema;

/// <summary>One field of the Sveltos API: its name, shape and the rules its value must follow.</summary>
internal sealed record SchemaField(string Name, FieldKind Kind)
{
    public bool Required { get; init; }

    public bool NotEmpty { get; init; }

    /// <summary>Written by the API server (metadata.uid, managedFields, ...): accepted as read, never checked or listed.</summary>
    public bool ServerWritten { get; init; }

    public int? MaxLength { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>Allowed values for an enum string, matched case-sensitively as the API server does.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>The fields of an Object or of each ObjectList item.</summary>
    public ObjectSchema? Item { get; init; }

    /// <summary>An extra rule for a string (or each string of a list, or each key of a map): returns the problem or null.</summary>
    public Func<string, string?>? Check { get; init; }
}
