using System.Reflection;
using System.Runtime.Loader;

namespace Sveltos.Bridge;

/// <summary>
/// The private load context that holds Sveltos.Engine and every library it uses (YamlDotNet,
/// KubernetesClient, Scriban) from the module's Dependencies folder, so other modules' versions of
/// those libraries in the default context can neither break us nor be broken by us.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string dependencyDirectory;

    public EngineLoadContext(string dependencyDirectory)
        : base("Sveltos.Engine", isCollectible: false)
    {
        this.dependencyDirectory = dependencyDirectory;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(dependencyDirectory, assemblyName.Name + ".dll");

        // Anything not shipped in Dependencies (the framework itself) comes from the default context.
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
