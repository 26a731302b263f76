using System.Management.Automation;
using Sveltos.Engine.Fleet;

namespace Sveltos.Infrastructure;

/// <summary>
/// Base of the cmdlets that work on a fleet: the session's fleet (Connect-SveltosFleet) unless
/// -FleetPath or -ManagementContext names another for this call.
/// </summary>
public abstract class FleetCmdlet : SveltosCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FleetPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ContextNameCompleter))]
    public string? ManagementContext { get; set; }

    [Parameter]
    [Alias("KubeconfigPath")]
    [ValidateNotNullOrEmpty]
    public string[]? Kubeconfig { get; set; }

    /// <summary>The fleet this call works on, for messages and results.</summary>
    internal SveltosFleet ResolveFleet()
    {
        if (FleetPath is not null && ManagementContext is not null)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "FleetAmbiguous",
                ErrorCategory.InvalidArgument,
                "Pass either -FleetPath or -ManagementContext, not both.",
                null));
        }

        var kubeconfig = PathResolver.Resolve(this, Kubeconfig);
        if (FleetPath is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FleetPath);
            return FleetConnections.Directory(path, kubeconfig);
        }

        if (ManagementContext is not null)
        {
            return FleetConnections.ManagementCluster(ManagementContext, kubeconfig);
        }

        return FleetSession.Current ?? FleetConnections.Kubeconfig(kubeconfig);
    }

    /// <summary>Opens the engine's view of the fleet; the caller disposes it.</summary>
    internal IFleet OpenFleet(SveltosFleet fleet)
    {
        try
        {
            return FleetConnections.Target(fleet).Open();
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, fleet.Description));
            throw;
        }
    }

    /// <summary>
    /// In a management cluster, installs the CRDs the call needs that are missing, each confirmed
    /// through ShouldProcess. False when one is missing and was not installed (-WhatIf, or declined).
    /// </summary>
    internal bool EnsureCrds(IFleet fleet, params CrdDefinition[] wanted)
    {
        if (fleet is not ManagementClusterFleet management)
        {
            return true;
        }

        var missing = Await(token => SveltosCrds.MissingAsync(management.Management, wanted, token));
        var approved = missing.Where(crd => ShouldProcess($"{crd.Name} in {fleet.Description}", "Install CustomResourceDefinition")).ToList();
        if (approved.Count > 0)
        {
            Await(token => SveltosCrds.InstallAsync(management.Management, approved, token));
        }

        return approved.Count == missing.Count;
    }

    /// <summary>
    /// The one cluster named <paramref name="name"/> (in <paramref name="namespace"/> when given), or
    /// null after writing ClusterNotFound / ClusterAmbiguous.
    /// </summary>
    internal FleetCluster? FindCluster(IFleet fleet, SveltosFleet description, string name, string? @namespace)
    {
        var matches = Await(fleet.GetClustersAsync).Where(c => c.Name == name && (@namespace is null || c.Namespace == @namespace)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        WriteError(ErrorRecords.Create(
            matches.Count == 0 ? "ClusterNotFound" : "ClusterAmbiguous",
            matches.Count == 0 ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument,
            matches.Count == 0
                ? $"Cluster '{name}' was not found in {description.Description}."
                : $"Cluster name '{name}' exists in several namespaces ({string.Join(", ", matches.Select(m => m.Namespace))}).",
            name,
            matches.Count == 0 ? "Run Get-SveltosCluster to list the clusters." : "Pass -Namespace."));
        return null;
    }
}
