namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>
/// Key generation, scrypt and bcrypt keep every core busy for seconds; run alone, they do not slow the tests that time
/// themselves (timeouts, cancellation) into failing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuHeavyCollection
{
    public const string Name = "CPU-heavy crypto";
}
