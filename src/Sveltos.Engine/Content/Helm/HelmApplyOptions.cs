using Sveltos.Engine.Deploy.Releases;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Content.Helm;

/// <summary>A helmCharts entry's options as the apply acts on them (hooks, wait, timeout, atomic).</summary>
internal static class HelmApplyOptions
{
    public static HelmReleaseOptions From(HelmChart chart, string where)
    {
        var options = chart.Options;
        if (options is null)
        {
            return HelmReleaseOptions.Default;
        }

        var all = options.DisableHooks == true;
        return new HelmReleaseOptions
        {
            DisableInstallHooks = all || options.InstallDisableHooks == true,
            DisableUpgradeHooks = all || options.UpgradeDisableHooks == true,
            DisableUninstallHooks = all || options.UninstallDisableHooks == true,
            Wait = options.Wait == true,
            WaitForJobs = options.WaitForJobs == true,
            Atomic = options.Atomic == true,
            CleanupOnFail = options.CleanupOnFail == true,
            Force = options.Force == true,
            DeletionPropagation = Propagation(options.DeletionPropagation, where),
            Timeout = options.Timeout is { Length: > 0 } text ? Duration(text, where) : HelmReleaseOptions.DefaultTimeout,
        };
    }

    /// <summary>uninstallOptions.deletionPropagation (background, foreground, orphan) as the API's propagationPolicy.</summary>
    private static string? Propagation(string? text, string where) => text?.ToLowerInvariant() switch
    {
        null or "" or "background" => null,
        "foreground" => "Foreground",
        "orphan" => "Orphan",
        _ => throw new ContentException(
            "HelmDeletionPropagationInvalid",
            $"{where}: uninstallOptions.deletionPropagation '{text}' is not background, foreground or orphan.",
            where,
            "Use background (the default), foreground or orphan."),
    };

    /// <summary>A Go duration ("5m0s", "90s", "1h"), as metav1.Duration reads one.</summary>
    private static TimeSpan Duration(string text, string where) =>
        Text.GoDuration.TryParse(text) is { } duration && duration >= TimeSpan.Zero
            ? duration
            : throw new ContentException(
                "HelmTimeoutInvalid",
                $"{where}: options.timeout '{text}' is not a duration.",
                where,
                "Write the timeout as a Go duration, e.g. 5m0s, 90s or 1h.");
}
