using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace Sveltos.Infrastructure;

/// <summary>The fleet each runspace connected to with Connect-SveltosFleet.</summary>
internal static class FleetSession
{
    private static readonly ConcurrentDictionary<Guid, SveltosFleet> Connected = new();

    private static Guid Key => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

    public static SveltosFleet? Current => Connected.TryGetValue(Key, out var fleet) ? fleet : null;

    public static void Set(SveltosFleet fleet) => Connected[Key] = fleet;

    public static bool Clear() => Connected.TryRemove(Key, out _);
}
