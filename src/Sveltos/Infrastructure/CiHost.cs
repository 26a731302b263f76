using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>The CI system a run is part of, read from the variables each system sets in its jobs.</summary>
internal enum CiSystem
{
    None,
    GitHubActions,
    AzurePipelines,
}

/// <summary>
/// What the module does differently in a CI job: which system it is, where its checkout is (annotation
/// paths are relative to it), and how a run with errors is made to fail.
/// </summary>
internal static class CiHost
{
    public static CiSystem System =>
        Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? CiSystem.GitHubActions
        : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD")) ? CiSystem.AzurePipelines
        : CiSystem.None;

    /// <summary>The job's checkout, when the CI system names it.</summary>
    public static string? Workspace => System switch
    {
        CiSystem.GitHubActions => Environment.GetEnvironmentVariable("GITHUB_WORKSPACE"),
        CiSystem.AzurePipelines => Environment.GetEnvironmentVariable("BUILD_SOURCESDIRECTORY") ?? Environment.GetEnvironmentVariable("BUILD_REPOSITORY_LOCALPATH"),
        _ => null,
    };

    /// <summary>
    /// In a CI job whose pwsh runs a command or script and exits, makes that pwsh exit with 1 once the run ends
    /// (the rest of the script still runs), and sets $LASTEXITCODE to 1 for wrappers that exit with it, as
    /// GitHub's <c>shell: pwsh</c> does. pwsh alone exits 0 from a script whose errors were not terminating.
    /// Interactive sessions and other hosts are never touched.
    /// </summary>
    public static void FailRun(PSCmdlet cmdlet)
    {
        if (System == CiSystem.None || cmdlet.Host.Name != "ConsoleHost" || !PwshCommandLine.CurrentEndsWithCommand)
        {
            return;
        }

        cmdlet.Host.SetShouldExit(1);
        cmdlet.SessionState.PSVariable.Set("global:LASTEXITCODE", 1);
    }
}
