namespace Sveltos.Engine.Templates.Go;

/// <summary>
/// What Sprig's <c>semver</c> returns: a Masterminds semver v3 <c>*semver.Version</c>, read in templates through its
/// methods (<c>.Major</c>, <c>.Prerelease</c>, <c>.Original</c>, <c>.Compare</c>, <c>.IncMinor</c>, ...) and printed
/// through its String method. The Inc methods return a <c>semver.Version</c> value, keeping a leading "v" of the original.
/// </summary>
internal sealed class SprigVersion(SemanticVersion version, bool pointer = true) : GoObject
{
    public SemanticVersion Version { get; } = version;

    public override string GoTypeName => pointer ? "*semver.Version" : "semver.Version";

    public override GoMethod? GetMethod(string name) => name switch
    {
        "Major" => Getter(Version.Major),
        "Minor" => Getter(Version.Minor),
        "Patch" => Getter(Version.Patch),
        "Prerelease" => Getter(Version.Prerelease),
        "Metadata" => Getter(Version.Metadata),
        "Original" => Getter(Version.Original),
        "String" => Getter(ToString()),
        "IncMajor" => Getter(Next(Version with { Major = Version.Major + 1, Minor = 0, Patch = 0, Prerelease = "", Metadata = "" })),
        "IncMinor" => Getter(Next(Version with { Minor = Version.Minor + 1, Patch = 0, Prerelease = "", Metadata = "" })),
        "IncPatch" => Getter(Next(Version.Prerelease.Length > 0 ? Version with { Prerelease = "", Metadata = "" } : Version with { Patch = Version.Patch + 1, Metadata = "" })),
        "Compare" => Comparison(c => (long)c),
        "LessThan" => Comparison(c => c < 0),
        "LessThanEqual" => Comparison(c => c <= 0),
        "GreaterThan" => Comparison(c => c > 0),
        "GreaterThanEqual" => Comparison(c => c >= 0),
        "Equal" => Comparison(c => c == 0),
        _ => null,
    };

    /// <summary>Masterminds' String: major.minor.patch, then -prerelease and +metadata; never the "v".</summary>
    public override string ToString()
    {
        var text = $"{Version.Major}.{Version.Minor}.{Version.Patch}";
        text += Version.Prerelease.Length > 0 ? "-" + Version.Prerelease : "";
        return text + (Version.Metadata.Length > 0 ? "+" + Version.Metadata : "");
    }

    private static GoMethod Getter(object value) => new(0, _ => value);

    private SprigVersion Next(SemanticVersion next)
    {
        var prefix = Version.Original.StartsWith('v') ? "v" : "";
        var value = new SprigVersion(next, pointer: false);
        return new SprigVersion(next with { Original = prefix + value }, pointer: false);
    }

    private GoMethod Comparison(Func<int, object> result) => new(1, args => args[0] is SprigVersion other
        ? result(Version.CompareTo(other.Version))
        : throw new GoCallException($"wrong type for value; expected *semver.Version; got {GoValues.TypeName(args[0])}"));
}
