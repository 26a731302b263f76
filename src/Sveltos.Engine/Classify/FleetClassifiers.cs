using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Classify;

/// <summary>
/// The classifiers a fleet holds, and the problems of those it could not read. An invalid classifier's name is
/// kept in <see cref="InvalidNames"/>, so the labels it set are left alone rather than treated as orphaned.
/// </summary>
public sealed record FleetClassifiers(IReadOnlyList<ClassifierDocument> Classifiers, IReadOnlyList<ProfileProblem> Problems, IReadOnlySet<string> InvalidNames)
{
    public static FleetClassifiers Empty { get; } = new([], [], new HashSet<string>());

    public static FleetClassifiers From(IEnumerable<ClassifierImportResult> results)
    {
        var classifiers = new List<ClassifierDocument>();
        var problems = new List<ProfileProblem>();
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result.Classifier is { } classifier)
            {
                classifiers.Add(classifier);
            }
            else if (result.Outcome == ImportOutcome.Invalid)
            {
                problems.AddRange(result.Problems);
                invalid.Add(result.Name ?? "");
            }
        }

        var duplicates = ClassifierDocument.FindDuplicateNames(classifiers);
        problems.AddRange(duplicates);
        foreach (var duplicate in duplicates)
        {
            // Which of two same-named classifiers is meant cannot be known: neither is used, both names are frozen.
            invalid.Add(classifiers.First(c => c.Source == duplicate.Source && c.DocumentIndex == duplicate.DocumentIndex).Name);
        }

        return new FleetClassifiers(classifiers.Where(c => !invalid.Contains(c.Name)).ToList(), problems, invalid);
    }
}
