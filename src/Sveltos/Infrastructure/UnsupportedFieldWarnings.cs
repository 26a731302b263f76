using System.Management.Automation;
using Sveltos.Engine.Profiles;

namespace Sveltos.Infrastructure;

/// <summary>
/// Tells the user, when a profile is written, which of its fields the module does not act on: the profile is valid
/// Sveltos and is accepted, but a sync will report those fields as NotSupported and deploy nothing of it.
/// </summary>
internal static class UnsupportedFieldWarnings
{
    public static void Write(Cmdlet cmdlet, ClusterProfileDocument profile)
    {
        foreach (var problem in UnsupportedFields.Find(profile))
        {
            cmdlet.WriteWarning(problem.Message);
        }
    }
}
