namespace Sveltos;

/// <summary>One test hook of a Helm release as Test-HelmRelease ran it (helm test), or a release that has none.</summary>
public sealed class HelmTestResult
{
    internal HelmTestResult(Engine.Deploy.Releases.ReleaseTestOutcome outcome)
    {
        Cluster = outcome.Cluster;
        Profile = Engine.Deploy.ProfileRefs.Identity(outcome.Profile);
        Namespace = outcome.Namespace;
        Release = outcome.Release;
        Revision = outcome.Revision;
        Test = outcome.Hook?.ToString() ?? "";
        Result = outcome.Hook is null ? "None" : outcome.Passed ? "Passed" : "Failed";
        Message = outcome.Message;
    }

    public string Cluster { get; }

    public string Profile { get; }

    /// <summary>The release namespace.</summary>
    public string Namespace { get; }

    /// <summary>The release name.</summary>
    public string Release { get; }

    /// <summary>The deployed revision whose tests ran.</summary>
    public int Revision { get; }

    /// <summary>The test hook's object (Kind/namespace/name); empty when the chart has no tests.</summary>
    public string Test { get; }

    /// <summary>Passed, Failed, or None (the chart has no test hooks).</summary>
    public string Result { get; }

    public string Message { get; }

    public override string ToString() => $"{Namespace}/{Release} {Test} {Result} on {Cluster}";
}
