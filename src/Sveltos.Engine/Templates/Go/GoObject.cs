namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// A Go value with fields and methods (a struct or a named type), for data a template reads through methods, such as
/// Helm's <c>.Files.Get "x"</c> and <c>.Capabilities.APIVersions.Has "v1"</c>. Templates see its fields and methods by
/// name, as Go's text/template sees an exported field or method; it prints as <see cref="object.ToString"/> (Go's Stringer).
/// </summary>
public abstract class GoObject
{
    /// <summary>Go's name of the type, for error messages (<c>can't evaluate field x in type chartutil.Capabilities</c>).</summary>
    public abstract string GoTypeName { get; }

    /// <summary>A field's value; false when the type has no such field.</summary>
    public virtual bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    /// <summary>A method; null when the type has no such method. Methods win over fields of the same name, as in Go.</summary>
    public virtual GoMethod? GetMethod(string name) => null;

    /// <summary>
    /// For a Go map type (Helm's Files is a map[string][]byte): its entries sorted by key, as range, len, index and
    /// truth see them; null for a struct.
    /// </summary>
    public virtual IReadOnlyList<KeyValuePair<string, object?>>? MapEntries => null;
}

/// <summary>
/// A method of a <see cref="GoObject"/>: the template checks the argument count, then calls <see cref="Invoke"/> with the
/// arguments in the engine's value model. The method reports a failure by throwing <see cref="GoCallException"/>.
/// </summary>
public sealed class GoMethod(int parameterCount, Func<IReadOnlyList<object?>, object?> invoke, bool isVariadic = false)
{
    /// <summary>The number of parameters; for a variadic method, the number of fixed ones.</summary>
    public int ParameterCount { get; } = parameterCount;

    public bool IsVariadic { get; } = isVariadic;

    public object? Invoke(IReadOnlyList<object?> args) => invoke(args);
}

/// <summary>A method or a lookup delegate failed; the template reports <c>error calling NAME: MESSAGE</c>, as Go reports a returned error.</summary>
public sealed class GoCallException(string message) : Exception(message);
