namespace Sveltos.Engine.Profiles;

/// <summary>
/// One problem with a profile document. <see cref="Message"/> reads
/// <c>fleet/prod.yaml[2] spec.syncMode: 'Continous' is not one of OneTime, Continuous, ContinuousWithDriftDetection, DryRun</c>:
/// source, 0-based document index in brackets, field path, problem.
/// </summary>
/// <param name="ErrorId">A stable identifier from <see cref="ProfileErrorIds"/>.</param>
/// <param name="Source">The file (as given), or a description such as <c>ClusterProfile/web</c> for built profiles.</param>
/// <param name="DocumentIndex">0-based position of the document in its file, counting every <c>---</c>; null for built profiles.</param>
/// <param name="FieldPath">The field, e.g. <c>spec.helmCharts[0].chartName</c>; empty when the problem is the whole document.</param>
/// <param name="Problem">What is wrong, without the location.</param>
/// <param name="Line">1-based line in the source, when known.</param>
/// <param name="Column">1-based column in the source, when known.</param>
public sealed record ProfileProblem(
    string ErrorId,
    string Source,
    int? DocumentIndex,
    string FieldPath,
    string Problem,
    int? Line = null,
    int? Column = null)
{
    /// <summary>The source and document index, e.g. <c>fleet/prod.yaml[2]</c>.</summary>
    public string Location => DocumentIndex is null ? Source : $"{Source}[{DocumentIndex}]";

    /// <summary>The full message: location, field path and problem.</summary>
    public string Message => FieldPath.Length == 0 ? $"{Location}: {Problem}" : $"{Location} {FieldPath}: {Problem}";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
