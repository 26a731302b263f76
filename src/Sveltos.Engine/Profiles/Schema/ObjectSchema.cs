namespace Sveltos.Engine.Profiles.Schema;

/// <summary>The known fields of one API object type, in the order the builder writes them.</summary>
internal sealed class ObjectSchema(params SchemaField[] fields)
{
    public IReadOnlyList<SchemaField> Fields { get; } = fields;

    public SchemaField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public SchemaField? FindIgnoringCase(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields a person writes, as messages list them; fields only the API server writes are left out.</summary>
    public string FieldNames => string.Join(", ", Fields.Where(f => !f.ServerWritten).Select(f => f.Name));
}
