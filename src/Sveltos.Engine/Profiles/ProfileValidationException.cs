namespace Sveltos.Engine.Profiles;

/// <summary>A profile could not be built or parsed; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ProfileValidationException : Exception
{
    internal ProfileValidationException(IReadOnlyList<ProfileProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>The ErrorId of the first problem (see <see cref="ProfileErrorIds"/>).</summary>
    public string ErrorId => Problems[0].ErrorId;

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<ProfileProblem> Problems { get; }
}
