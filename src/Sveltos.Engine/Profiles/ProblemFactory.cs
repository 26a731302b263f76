using Sveltos.Engine.Profiles.Schema;

namespace Sveltos.Engine.Profiles;

/// <summary>Places a document's field problems in their file.</summary>
internal static class ProblemFactory
{
    public static ProfileProblem From(FieldProblem problem, string source, int? documentIndex)
    {
        var line = problem.At is { Line: > 0 } at ? at.Line : (int?)null;
        var column = line is null ? null : problem.At?.Column;
        return new ProfileProblem(problem.ErrorId, source, documentIndex, problem.Path, problem.Message, line, column);
    }
}
