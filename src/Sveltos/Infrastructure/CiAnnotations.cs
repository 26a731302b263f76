using System.Management.Automation;
using System.Text;

namespace Sveltos.Infrastructure;

/// <summary>
/// Error annotations for CI hosts (GitHub Actions, Azure Pipelines), written through the host so they
/// reach the job log even when errors are silenced, and pointing at the file and line when known.
/// </summary>
internal static class CiAnnotations
{
    public static void Error(PSCmdlet cmdlet, string message, string? file, int? line, int? column)
    {
        if (Silenced(cmdlet))
        {
            return;
        }

        string? annotation = null;
        if (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            var properties = new List<string>();
            if (file is not null)
            {
                properties.Add("file=" + GitHubProperty(file.Replace('\\', '/')));
                if (line is not null)
                {
                    properties.Add($"line={line}");
                }

                if (column is not null)
                {
                    properties.Add($"col={column}");
                }
            }

            annotation = $"::error{(properties.Count > 0 ? " " + string.Join(',', properties) : "")}::{GitHubData(message)}";
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD")))
        {
            var properties = new StringBuilder("type=error;");
            if (file is not null)
            {
                properties.Append("sourcepath=").Append(AzureProperty(file)).Append(';');
                if (line is not null)
                {
                    properties.Append("linenumber=").Append(line).Append(';');
                }

                if (column is not null)
                {
                    properties.Append("columnnumber=").Append(column).Append(';');
                }
            }

            annotation = $"##vso[task.logissue {properties}]{AzureData(message)}";
        }

        if (annotation is not null)
        {
            cmdlet.Host.UI.WriteLine(annotation);
        }
    }

    // An error the caller chose to silence (-ErrorAction SilentlyContinue or Ignore) must not fail the job's summary either.
    private static bool Silenced(PSCmdlet cmdlet)
    {
        var preference = cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound)
            ? bound
            : cmdlet.GetVariableValue("ErrorActionPreference");
        return PowerShellValues.Unwrap(preference)?.ToString() is nameof(ActionPreference.SilentlyContinue) or nameof(ActionPreference.Ignore);
    }

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    private static string GitHubData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string GitHubProperty(string value) =>
        GitHubData(value).Replace(":", "%3A").Replace(",", "%2C");

    // https://github.com/microsoft/azure-pipelines-task-lib/blob/master/node/taskcommand.ts
    private static string AzureData(string value) =>
        value.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string AzureProperty(string value) =>
        AzureData(value).Replace(";", "%3B").Replace("]", "%5D");
}
