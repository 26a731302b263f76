using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Fleet;

/// <summary>
/// Who a fleet is: the name it stamps on every deployment record it writes (a sync acts only on its own
/// records), and the profiles removed from it on purpose (Remove-ClusterProfile), whose withdrawal is
/// expected rather than guarded. Two fleets with the same name are one fleet to the module.
/// </summary>
public sealed partial record FleetIdentity(string Name, IReadOnlySet<string> RemovedProfiles)
{
    public const string ApiVersion = "pwsh.projectsveltos.io/v1alpha1";
    public const string Kind = "Fleet";

    /// <summary>A new, unique name for a fleet, readable by its origin: <c>platform-3fa2c1</c>.</summary>
    public static string NewName(string hint)
    {
        var stem = NonName().Replace(hint.ToLowerInvariant(), "-").Trim('-');
        stem = stem.Length == 0 ? "fleet" : stem[..Math.Min(stem.Length, 40)].Trim('-');
        return $"{stem}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
    }

    public FleetIdentity WithRemoved(string profileIdentity) =>
        this with { RemovedProfiles = new SortedSet<string>(RemovedProfiles.Append(profileIdentity), StringComparer.Ordinal) };

    public FleetIdentity WithoutRemoved(string profileIdentity) =>
        this with { RemovedProfiles = new SortedSet<string>(RemovedProfiles.Where(p => p != profileIdentity), StringComparer.Ordinal) };

    public override string ToString() => $"fleet '{Name}'";

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NonName();
}
