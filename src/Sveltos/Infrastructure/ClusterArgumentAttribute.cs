using System.Collections;
using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>
/// Lets a -Cluster parameter take plain names (<c>-Cluster eu-prod, fleet/eu-*</c>) as well as the clusters
/// Get-SveltosCluster returns. A name is resolved by the cmdlet against the fleet it works on (ClusterNotFound
/// when it names none): a transformation runs before -FleetPath or -ManagementContext is bound, so it cannot.
/// Anything else is left as it is, for PowerShell to refuse (a piped profile then binds elsewhere).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClusterArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        PowerShellValues.Unwrap(inputData) switch
        {
            SveltosCluster cluster => cluster,
            string name => SveltosCluster.Named(name),
            IList items => items.Cast<object?>().Select(item => Transform(engineIntrinsics, item!)).ToArray(),
            _ => inputData,
        };
}
