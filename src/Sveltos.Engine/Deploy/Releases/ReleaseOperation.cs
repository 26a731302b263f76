namespace Sveltos.Engine.Deploy.Releases;

/// <summary>What an apply does to a Helm release, which decides the hooks it runs.</summary>
public enum ReleaseOperation
{
    Install,
    Upgrade,
    Uninstall,
}
