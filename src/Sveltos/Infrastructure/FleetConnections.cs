using Sveltos.Engine.Fleet;

namespace Sveltos.Infrastructure;

/// <summary>Maps the module's fleet objects onto the engine's fleet targets.</summary>
internal static class FleetConnections
{
    public static SveltosFleet Directory(string path, string[]? kubeconfig) =>
        From(FleetTarget.ForDirectory(path, kubeconfig));

    public static SveltosFleet ManagementCluster(string context, string[]? kubeconfig) =>
        From(FleetTarget.ForManagementCluster(context, kubeconfig));

    public static SveltosFleet Kubeconfig(string[]? kubeconfig) =>
        From(FleetTarget.ForKubeconfig(kubeconfig));

    public static FleetTarget Target(SveltosFleet fleet) =>
        new(Enum.Parse<FleetKind>(fleet.Kind), fleet.Path, fleet.Context, fleet.Kubeconfig);

    private static SveltosFleet From(FleetTarget target) =>
        new(target.Kind.ToString(), target.Path, target.Context, target.KubeconfigPaths?.ToArray(), target.Describe());
}
