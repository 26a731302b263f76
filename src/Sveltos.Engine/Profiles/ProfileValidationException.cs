namespace Sveltos.Engine.Profiles;

/// <summary>A profile could not be built or parsed; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ProfileValidationException : SveltosException
{
    internal ProfileValidationException(IReadOnlyList<ProfileProblem> problems)
        : base(problems[0].ErrorId, ErrorKind.InvalidData, string.Join(Environment.NewLine, problems.Select(p => p.Message)), problems[0].Source,
            "Correct the fields named above; the message gives the file, document index and field path of each problem.")
    {
        Problems = problems;
    }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<ProfileProblem> Problems { get; }
}
