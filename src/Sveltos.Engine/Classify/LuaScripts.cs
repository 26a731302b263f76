namespace Sveltos.Engine.Classify;

/// <summary>Placeholder until Lua is wired: scripts are accepted by validation and refused at evaluation.</summary>
internal static class LuaScripts
{
    public static string? Check(string script) => null;

    public static bool EvaluateObject(string script, System.Text.Json.Nodes.JsonObject obj, string classifier) => throw NotSupported(classifier);

    public static bool EvaluateAggregated(string script, IReadOnlyList<System.Text.Json.Nodes.JsonObject> objects, string classifier) => throw NotSupported(classifier);

    private static SveltosException NotSupported(string classifier) =>
        new(ClassifierErrorIds.LuaScriptFailed, ErrorKind.NotImplemented, $"Classifier '{classifier}' uses a Lua script, which this module cannot run.", classifier);
}
