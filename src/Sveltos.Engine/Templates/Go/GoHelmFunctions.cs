using static Sveltos.Engine.Templates.Go.GoConvert;

namespace Sveltos.Engine.Templates.Go;

/// <summary>The functions Helm's engine adds (pkg/engine/engine.go): include, tpl, required, fail (replacing Sprig's) and lookup.</summary>
internal static partial class GoFunctions
{
    private static void AddHelm(Adder add)
    {
        add("include", 2, 2, (e, a) => e.Include(Str(a[0]), a[1]));
        add("tpl", 2, 2, (e, a) => e.Tpl(Str(a[0]), a[1]));
        add("required", 2, 2, (_, a) => a[1] is null or string { Length: 0 } ? throw Warn(Str(a[0]), TemplateErrorIds.MissingKey) : a[1]);
        add("fail", 1, 1, (_, a) => throw Warn(Str(a[0]), TemplateErrorIds.FunctionError));
        add("lookup", 4, 4, (e, a) => e.Lookup(Str(a[0]), Str(a[1]), Str(a[2]), Str(a[3])));
    }

    /// <summary>Helm marks these messages (HELM_ERR_START/HELM_ERR_END) to report them alone, as the Warning does here.</summary>
    private static GoFunctionException Warn(string message, string errorId) => new(message, errorId, message);
}
