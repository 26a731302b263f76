using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Sync;

/// <summary>The file a profile was read from, as a full path, for errors that CI annotations point at; null when it came from no file.</summary>
internal static class ProfileLocation
{
    public static string? File(Fleet.IFleet fleet, ClusterProfileDocument profile)
    {
        if (profile.DocumentIndex is null)
        {
            return null;
        }

        // A fleet directory names its files from the folder that holds the fleet (fleet/profiles/web.yaml).
        if (fleet is DirectoryFleet directory && Path.GetDirectoryName(directory.Root) is { } parent
            && Path.GetFullPath(Path.Combine(parent, profile.Source)) is var inFleet && System.IO.File.Exists(inFleet))
        {
            return inFleet;
        }

        return System.IO.File.Exists(profile.Source) ? Path.GetFullPath(profile.Source) : null;
    }
}
