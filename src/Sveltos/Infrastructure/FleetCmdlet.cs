using System.Management.Automation;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Fleet.Sharding;

namespace Sveltos.Infrastructure;

/// <summary>
/// Base of the cmdlets that work on a fleet: the session's fleet (Connect-SveltosFleet) unless
/// -FleetPath or -ManagementContext names another for this call.
/// </summary>
public abstract class FleetCmdlet : SveltosCmdlet
{
    private SveltosFleet? resolved;

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
        resolved = FleetPath is not null
            ? FleetConnections.Directory(SessionState.Path.GetUnresolvedProviderPathFromPSPath(FleetPath), kubeconfig)
            : ManagementContext is not null
                ? FleetConnections.ManagementCluster(ManagementContext, kubeconfig)
                : FleetSession.Current ?? FleetConnections.Kubeconfig(kubeconfig);
        return resolved;
    }

    /// <summary>A fleet directory names its files as <c>&lt;folder name&gt;/&lt;path below it&gt;</c>.</summary>
    internal override string? SourceFile(string source) =>
        (resolved is { Kind: nameof(FleetKind.Directory), Path: { } root } ? DirectoryFleet.FileNamed(root, source) : null) ?? base.SourceFile(source);

    /// <summary>The clusters of <paramref name="fleet"/> that <paramref name="given"/> names (null: none given, so all).</summary>
    internal IReadOnlyList<FleetCluster>? ResolveClusters(IFleet fleet, IReadOnlyCollection<SveltosCluster> given) =>
        given.Count == 0 ? null : ClusterResolver.Resolve(this, Await(fleet.GetClustersAsync), given, fleet.Description);

    /// <summary>The shard a cmdlet that acts on clusters works on (its -Shard), or null for the whole fleet.</summary>
    internal virtual FleetShard? ShardOfCall => null;

    /// <summary>Opens the engine's view of the fleet (one shard of it with -Shard); the caller disposes it.</summary>
    internal IFleet OpenFleet(SveltosFleet fleet)
    {
        try
        {
            var opened = FleetConnections.Target(fleet).Open();
            return ShardOfCall is { } shard ? new ShardedFleet(opened, shard) : opened;
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
        if (fleet.Underlying() is not ManagementClusterFleet management)
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
    internal FleetCluster? FindCluster(IFleet fleet, string name, string? @namespace) =>
        ClusterResolver.ResolveOne(this, Await(fleet.GetClustersAsync), name, @namespace, fleet.Description);
}
