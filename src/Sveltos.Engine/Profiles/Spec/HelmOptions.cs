using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Profiles;

/// <summary>helmCharts[].options: Helm flags. Null means "not set" (Helm's default applies).</summary>
public sealed record HelmOptions(
    bool? SkipCrds,
    bool? Wait,
    bool? WaitForJobs,
    string? Timeout,
    bool? DisableHooks,
    bool? DisableOpenApiValidation,
    bool? Atomic,
    bool? DependencyUpdate,
    IReadOnlyDictionary<string, string> Labels,
    bool? EnableClientCache,
    string? Description,
    bool? CreateNamespace,
    bool? Replace,
    bool? Force,
    bool? ResetValues,
    bool? ReuseValues,
    bool? ResetThenReuseValues,
    bool? Recreate,
    int? MaxHistory,
    bool? CleanupOnFail,
    bool? SubNotes,
    bool? KeepHistory,
    string? DeletionPropagation)
{
    public bool? SkipSchemaValidation { get; init; }

    public bool? InstallDisableHooks { get; init; }

    public bool? UpgradeDisableHooks { get; init; }

    public bool? UpgradeCrds { get; init; }

    public bool? UninstallDisableHooks { get; init; }

    internal static HelmOptions? ReadOptional(YamlMapping? m)
    {
        if (m is null)
        {
            return null;
        }

        var install = TreeReader.Mapping(m, "installOptions");
        var upgrade = TreeReader.Mapping(m, "upgradeOptions");
        var uninstall = TreeReader.Mapping(m, "uninstallOptions");
        return new HelmOptions(
            TreeReader.OptionalBoolean(m, "skipCRDs"),
            TreeReader.OptionalBoolean(m, "wait"),
            TreeReader.OptionalBoolean(m, "waitForJobs"),
            TreeReader.String(m, "timeout"),
            TreeReader.OptionalBoolean(m, "disableHooks"),
            TreeReader.OptionalBoolean(m, "disableOpenAPIValidation"),
            TreeReader.OptionalBoolean(m, "atomic"),
            TreeReader.OptionalBoolean(m, "dependencyUpdate"),
            TreeReader.StringMap(m, "labels"),
            TreeReader.OptionalBoolean(m, "enableClientCache"),
            TreeReader.String(m, "description"),
            TreeReader.OptionalBoolean(install, "createNamespace"),
            TreeReader.OptionalBoolean(install, "replace"),
            TreeReader.OptionalBoolean(upgrade, "force"),
            TreeReader.OptionalBoolean(upgrade, "resetValues"),
            TreeReader.OptionalBoolean(upgrade, "reuseValues"),
            TreeReader.OptionalBoolean(upgrade, "resetThenReuseValues"),
            TreeReader.OptionalBoolean(upgrade, "recreate"),
            (int?)TreeReader.Integer(upgrade, "maxHistory"),
            TreeReader.OptionalBoolean(upgrade, "cleanupOnFail"),
            TreeReader.OptionalBoolean(upgrade, "subNotes"),
            TreeReader.OptionalBoolean(uninstall, "keepHistory"),
            TreeReader.String(uninstall, "deletionPropagation"))
        {
            SkipSchemaValidation = TreeReader.OptionalBoolean(m, "skipSchemaValidation"),
            InstallDisableHooks = TreeReader.OptionalBoolean(install, "disableHooks"),
            UpgradeDisableHooks = TreeReader.OptionalBoolean(upgrade, "disableHooks"),
            UpgradeCrds = TreeReader.OptionalBoolean(upgrade, "upgradeCRDs"),
            UninstallDisableHooks = TreeReader.OptionalBoolean(uninstall, "disableHooks"),
        };
    }
}
