using System.Management.Automation;
using Sveltos.Engine;
using Sveltos.Engine.Profiles;

namespace Sveltos.Infrastructure;

/// <summary>Turns the engine's profile problems into error records: one per document, ErrorId from its first problem.</summary>
internal static class ProfileProblems
{
    private static ErrorRecord ToErrorRecord(IReadOnlyList<ProfileProblem> problems, object? target = null)
    {
        var first = problems[0];
        var message = string.Join(Environment.NewLine, problems.Select(p => p.Message));
        var kind = first.ErrorId == ProfileErrorIds.ProfileFileUnreadable ? ErrorKind.ReadError : ErrorKind.InvalidData;
        var error = new SveltosException(first.ErrorId, kind, message, first.Location, RecommendedAction(first.ErrorId));
        return ErrorRecords.From(error, target ?? first.Location);
    }

    /// <summary>Writes one non-terminating error for a document's problems, and a CI annotation per problem.</summary>
    public static void Report(SveltosCmdlet cmdlet, IReadOnlyList<ProfileProblem> problems, object? target = null) =>
        cmdlet.WriteError(ToErrorRecord(problems, target), Annotations(cmdlet, problems));

    /// <summary>One annotation per problem, at its file and line when the problem is in a file; null when there are none.</summary>
    public static IReadOnlyList<CiAnnotation>? Annotations(SveltosCmdlet cmdlet, IReadOnlyList<ProfileProblem> problems) =>
        problems.Count == 0 ? null : problems.Select(p => new CiAnnotation(p.Message, cmdlet.SourceFile(p.Source), p.Line, p.Column)).ToList();

    /// <summary>A sync's message for an invalid profile of its fleet.</summary>
    public static string LeftAsDeployed(ProfileProblem problem) => $"{problem.Message} (what this profile deployed is left as deployed until it is fixed)";

    /// <summary>One list of problems per document, in the order they were found.</summary>
    public static IEnumerable<IReadOnlyList<ProfileProblem>> PerDocument(IEnumerable<ProfileProblem> problems) =>
        problems.GroupBy(p => (p.Source, p.DocumentIndex)).Select(g => (IReadOnlyList<ProfileProblem>)g.ToList());

    private static string RecommendedAction(string errorId) => errorId switch
    {
        ProfileErrorIds.MalformedYaml => "Fix the YAML syntax at the line and column given.",
        ProfileErrorIds.DuplicateProfileName => "Rename one of the profiles, or keep only one of them.",
        ProfileErrorIds.ProfileFileUnreadable => "Check that the file exists and can be read.",
        ProfileErrorIds.UnsupportedApiVersion => "Use apiVersion config.projectsveltos.io/v1beta1.",
        _ => "Correct the fields named in the message; each problem gives the file, document index and field path.",
    };
}
