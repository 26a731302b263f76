namespace Sveltos.Engine.Fleet.Sharding;

/// <summary>The fleet behind a view of it (a shard), for what depends on where the fleet is kept.</summary>
public static class FleetViews
{
    public static IFleet Underlying(this IFleet fleet) => fleet is ShardedFleet sharded ? sharded.Inner.Underlying() : fleet;
}
