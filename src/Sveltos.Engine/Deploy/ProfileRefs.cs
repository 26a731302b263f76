using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Deploy;

public static class ProfileRefs
{
    public static ProfileRef Of(ClusterProfileDocument profile) =>
        profile.Kind == ProfileKind.Profile
            ? new ProfileRef(ProfileRef.ProfileKind, profile.Namespace ?? "", profile.Name)
            : new ProfileRef(ProfileRef.ClusterProfileKind, "", profile.Name);

    /// <summary>The identity string profiles use (ClusterProfile/x, Profile/ns/x).</summary>
    public static string Identity(ProfileRef profile) =>
        profile.Kind == ProfileRef.ProfileKind ? $"Profile/{profile.Namespace}/{profile.Name}" : $"ClusterProfile/{profile.Name}";
}
