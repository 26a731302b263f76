using System.Management.Automation;
using System.Text;

namespace Sveltos.Infrastructure;

/// <summary>
/// Error and warning annotations for CI hosts (GitHub Actions, Azure Pipelines), written through the host so
/// they reach the job log whatever the streams are redirected to, and pointing at the file and line when known
/// (relative to the job's checkout, which is how both systems link an annotation to a file).
/// </summary>
internal static class CiAnnotations
{
    public static void Error(PSCmdlet cmdlet, string title, CiAnnotation annotation) => Write(cmdlet, "error", title, annotation);

    public static void Warning(PSCmdlet cmdlet, CiAnnotation annotation) => Write(cmdlet, "warning", null, annotation);

    private static void Write(PSCmdlet cmdlet, string type, string? title, CiAnnotation annotation)
    {
        var text = CiHost.System switch
        {
            CiSystem.GitHubActions => GitHub(type, title, annotation),
            CiSystem.AzurePipelines => Azure(type, title, annotation),
            _ => null,
        };
        if (text is not null)
        {
            cmdlet.Host.UI.WriteLine(text);
        }
    }

    private static string GitHub(string type, string? title, CiAnnotation annotation)
    {
        var properties = new List<string>();
        if (RelativeFile(annotation.File) is { } file)
        {
            properties.Add("file=" + GitHubProperty(file.Replace('\\', '/')));
            if (annotation.Line is { } line)
            {
                properties.Add($"line={line}");
            }

            if (annotation.Column is { } column)
            {
                properties.Add($"col={column}");
            }
        }

        if (title is not null)
        {
            properties.Add("title=" + GitHubProperty(title));
        }

        return $"::{type}{(properties.Count > 0 ? " " + string.Join(',', properties) : "")}::{GitHubData(annotation.Message)}";
    }

    private static string Azure(string type, string? title, CiAnnotation annotation)
    {
        var properties = new StringBuilder($"type={type};");
        if (RelativeFile(annotation.File) is { } file)
        {
            properties.Append("sourcepath=").Append(AzureProperty(file)).Append(';');
            if (annotation.Line is { } line)
            {
                properties.Append("linenumber=").Append(line).Append(';');
            }

            if (annotation.Column is { } column)
            {
                properties.Append("columnnumber=").Append(column).Append(';');
            }
        }

        if (title is not null)
        {
            properties.Append("code=").Append(AzureProperty(title)).Append(';');
        }

        return $"##vso[task.logissue {properties}]{AzureData(annotation.Message)}";
    }

    // A file inside the checkout is named relative to it; one elsewhere keeps its full path.
    private static string? RelativeFile(string? file)
    {
        if (file is null)
        {
            return null;
        }

        if (CiHost.Workspace is { Length: > 0 } workspace)
        {
            var relative = Path.GetRelativePath(workspace, file);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative;
            }
        }

        return file;
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
