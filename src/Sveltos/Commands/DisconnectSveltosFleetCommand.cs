using System.Management.Automation;
using Sveltos.Infrastructure;

namespace Sveltos.Commands;

[Cmdlet(VerbsCommunications.Disconnect, "SveltosFleet")]
public sealed class DisconnectSveltosFleetCommand : SveltosCmdlet
{
    protected override void EndProcessing()
    {
        if (FleetSession.Clear())
        {
            WriteVerbose("Disconnected; cmdlets fall back to kubeconfig contexts.");
        }
    }
}
