using Scriban;
using Scriban.Runtime;

namespace Sveltos.Engine.Templates;

/// <summary>
/// The functions every rendering sees: Scriban's builtins without those that break the sandbox or determinism, plus
/// <see cref="TemplateFunctions"/>. Built once and read-only, so renderings share it safely and cheaply.
/// </summary>
internal static class TemplateBuiltins
{
    /// <summary>
    /// Removed builtins. eval/eval_template compile text at run time, past the Go-template check and the optional
    /// rewriting; the clock and random functions would make every rendering differ, and a rendering that changes
    /// on its own redeploys on every sync.
    /// </summary>
    private static readonly (string Module, string Name)[] Removed =
    [
        ("object", "eval"),
        ("object", "eval_template"),
        ("date", "now"),
        ("date", "utc_now"),
        ("math", "random"),
        ("math", "uuid"),
    ];

    public static ScriptObject Shared { get; } = Create();

    private static ScriptObject Create()
    {
        var builtins = new TemplateContext().BuiltinObject;
        foreach (var (module, name) in Removed)
        {
            ((ScriptObject)builtins[module]!).Remove(name);
        }

        TemplateFunctions.Register(builtins);
        foreach (var module in builtins.Values.OfType<ScriptObject>())
        {
            module.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
