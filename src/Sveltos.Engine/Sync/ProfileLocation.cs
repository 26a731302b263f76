using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Profiles;
using Sveltos.Engine.Fleet.Sharding;

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

        if (fleet.Underlying() is DirectoryFleet directory && DirectoryFleet.FileNamed(directory.Root, profile.Source) is { } inFleet)
        {
            return inFleet;
        }

        return System.IO.File.Exists(profile.Source) ? Path.GetFullPath(profile.Source) : null;
    }
}
