using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>Typed reads from a validated tree. Absent, null or mistyped values read as "not set".</summary>
internal static class TreeReader
{
    public static string? String(YamlMapping? mapping, string key) =>
        mapping?.Get(key) is YamlScalar { Value: string text } ? text : null;

    public static bool Boolean(YamlMapping? mapping, string key, bool unset = false) =>
        mapping?.Get(key) is YamlScalar { Value: bool value } ? value : unset;

    public static bool? OptionalBoolean(YamlMapping? mapping, string key) =>
        mapping?.Get(key) is YamlScalar { Value: bool value } ? value : null;

    public static long? Integer(YamlMapping? mapping, string key) =>
        mapping?.Get(key) is YamlScalar { Value: long value } ? value : null;

    public static T Enum<T>(YamlMapping? mapping, string key, T unset)
        where T : struct, Enum =>
        String(mapping, key) is { } text && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) ? value : unset;

    public static YamlMapping? Mapping(YamlMapping? mapping, string key) => mapping?.Get(key) as YamlMapping;

    public static IEnumerable<YamlMapping> Mappings(YamlMapping? mapping, string key) =>
        mapping?.Get(key) is YamlSequence list ? list.Items.OfType<YamlMapping>() : [];

    public static IReadOnlyList<T> List<T>(YamlMapping? mapping, string key, Func<YamlMapping, T> read) =>
        Mappings(mapping, key).Select(read).ToArray();

    public static IReadOnlyList<string> Strings(YamlMapping? mapping, string key) =>
        mapping?.Get(key) is YamlSequence list
            ? list.Items.OfType<YamlScalar>().Select(s => s.Value).OfType<string>().ToArray()
            : [];

    public static IReadOnlyDictionary<string, string> StringMap(YamlMapping? mapping, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mapping?.Get(key) is YamlMapping map)
        {
            foreach (var (name, value) in map.Entries)
            {
                result[name.Text] = value is YamlScalar { Value: string text } ? text : "";
            }
        }

        return result;
    }
}
