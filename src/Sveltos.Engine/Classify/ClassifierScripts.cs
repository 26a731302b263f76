using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Scripting;

namespace Sveltos.Engine.Classify;

/// <summary>
/// Runs a classifier's Lua scripts the way Sveltos does. A resource selector's <c>evaluate</c> sees one object as
/// the global <c>obj</c>; <c>aggregatedClassification</c> sees every object the selectors kept as <c>resources</c>.
/// Either defines <c>function evaluate()</c> returning a table whose <c>matching</c> is a boolean (nil counts as
/// false) and whose optional <c>message</c> is a string. Every call gets a fresh sandbox, so no state leaks
/// from one object or cluster to the next.
/// </summary>
internal static class ClassifierScripts
{
    private const string Verdict = """
        if type(evaluate) ~= "function" then
          error("the script defines no function evaluate()", 0)
        end
        local hs = evaluate()
        if type(hs) ~= "table" then
          error("evaluate() returned " .. type(hs) .. ", not a table such as { matching = true }", 0)
        end
        local matching, message = rawget(hs, "matching"), rawget(hs, "message")
        if matching ~= nil and type(matching) ~= "boolean" then
          error("evaluate() returned matching = " .. tostring(matching) .. ", which is not a boolean", 0)
        end
        return matching == true, type(message) == "string" and message or nil
        """;

    public static string SelectorField(int index) => $"spec.deployedResourceConstraint.resourceSelectors[{index}].evaluate";

    public const string AggregatedField = "spec.deployedResourceConstraint.aggregatedClassification";

    /// <summary>Lua's compile error for a script, or null (also null where Lua cannot run: evaluation says so then).</summary>
    public static string? Check(string script, string field)
    {
        try
        {
            return LuaSandbox.CompileError(script, ChunkName(field));
        }
        catch (LuaScriptException ex) when (ex.Failure == LuaFailure.Unavailable)
        {
            return null;
        }
    }

    /// <summary>The objects for which a selector's <c>evaluate</c> says matching.</summary>
    public static List<JsonObject> Filter(string classifier, int selectorIndex, string script, IReadOnlyList<JsonObject> objects, LuaLimits? limits = null)
    {
        var field = SelectorField(selectorIndex);
        var kept = new List<JsonObject>();
        foreach (var obj in objects)
        {
            var subject = KubeObject.Namespace(obj) is { Length: > 0 } ns ? $"{KubeObject.Kind(obj)} {ns}/{KubeObject.Name(obj)}" : $"{KubeObject.Kind(obj)} {KubeObject.Name(obj)}";
            if (Decide(classifier, field, script, "obj = " + LuaLiteral.Of(obj), subject, limits).Matching)
            {
                kept.Add(obj);
            }
        }

        return kept;
    }

    /// <summary>The verdict of <c>aggregatedClassification</c> over every object the selectors kept.</summary>
    public static (bool Matching, string? Message) Aggregate(string classifier, string script, IReadOnlyList<JsonObject> resources, LuaLimits? limits = null)
    {
        var data = new StringBuilder("resources = {");
        foreach (var resource in resources)
        {
            LuaLiteral.Append(data, resource);
            data.Append(",\n");
        }

        data.Append('}');
        return Decide(classifier, AggregatedField, script, data.ToString(), $"{resources.Count} object(s)", limits);
    }

    private static (bool Matching, string? Message) Decide(string classifier, string field, string script, string data, string subject, LuaLimits? limits)
    {
        try
        {
            using var sandbox = LuaSandbox.Create(limits);
            sandbox.Run(data, "=data");
            sandbox.Run(script, ChunkName(field));
            var verdict = sandbox.Run(Verdict, ChunkName(field));
            return ((bool)verdict[0]!, verdict[1] as string);
        }
        catch (LuaScriptException ex)
        {
            throw new SveltosException(
                ClassifierErrorIds.LuaScriptFailed,
                ex.Failure == LuaFailure.Unavailable ? ErrorKind.NotImplemented : ErrorKind.InvalidData,
                $"Classifier/{classifier} {field} failed on {subject}: {ex.Message}",
                classifier,
                ex.Failure == LuaFailure.Unavailable ? null : $"Fix the Lua script in {field} of Classifier {classifier}.",
                ex);
        }
    }

    // Lua prefixes its messages with the chunk name: "resourceSelectors[0].evaluate:3: attempt to index a nil value".
    private static string ChunkName(string field) => "=" + field["spec.deployedResourceConstraint.".Length..];
}
