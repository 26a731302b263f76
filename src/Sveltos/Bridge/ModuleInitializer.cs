using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Sveltos.Bridge;

/// <summary>
/// Answers the default context's request for Sveltos.Engine (and only that) by loading it into the
/// module's private context. Everything the engine needs is then resolved inside that context.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string EngineAssemblyName = "Sveltos.Engine";

    private static readonly string DependencyDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "Dependencies");

    private static readonly Lazy<EngineLoadContext> LoadContext = new(() => new EngineLoadContext(DependencyDirectory));

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveEngine;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName assemblyName) =>
        assemblyName.Name == EngineAssemblyName ? LoadContext.Value.LoadFromAssemblyName(assemblyName) : null;
}
