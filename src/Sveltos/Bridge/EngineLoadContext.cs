using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Sveltos.Bridge;

/// <summary>
/// The private load context that holds Sveltos.Engine and every library it uses (YamlDotNet,
/// KubernetesClient, Scriban, KeraLua) from the module's Dependencies folder, so other modules' versions of
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

    // Native libraries (Lua) ship per platform under Dependencies/runtimes/<rid>/native, as dotnet publish lays them out.
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var native = Path.Combine(dependencyDirectory, "runtimes", PlatformDirectory(), "native");
        foreach (var file in NativeFileNames(unmanagedDllName))
        {
            var path = Path.Combine(native, file);
            if (File.Exists(path))
            {
                return LoadUnmanagedDllFromPath(path);
            }
        }

        return IntPtr.Zero;
    }

    private static string PlatformDirectory()
    {
        if (OperatingSystem.IsMacOS())
        {
            return "osx";
        }

        var os = OperatingSystem.IsWindows() ? "win" : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private static IEnumerable<string> NativeFileNames(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            return [name + ".dll"];
        }

        var extension = OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        return ["lib" + name + extension, name + extension];
    }
}
