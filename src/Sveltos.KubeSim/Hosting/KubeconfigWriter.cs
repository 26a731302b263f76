using System.Text;

namespace Sveltos.KubeSim.Hosting;

/// <summary>Writes the kubeconfig: one cluster, user and context per simulated cluster, named after it.</summary>
internal static class KubeconfigWriter
{
    public static void Write(string path, IReadOnlyList<SimulatedCluster> clusters, string? caPem)
    {
        var text = new StringBuilder();
        text.AppendLine("apiVersion: v1").AppendLine("kind: Config").AppendLine("preferences: {}");
        text.AppendLine(clusters.Count == 0 ? "clusters: []" : "clusters:");
        foreach (var cluster in clusters)
        {
            text.AppendLine($"- name: {Quote(cluster.Name)}").AppendLine("  cluster:").AppendLine($"    server: {Quote(cluster.Server.ToString().TrimEnd('/'))}");
            if (caPem is not null)
            {
                text.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}");
            }
        }
        text.AppendLine(clusters.Count == 0 ? "users: []" : "users:");
        foreach (var cluster in clusters)
        {
            text.AppendLine($"- name: {Quote(cluster.Name)}").AppendLine("  user:").AppendLine($"    token: {Quote(cluster.Token)}");
        }
        text.AppendLine(clusters.Count == 0 ? "contexts: []" : "contexts:");
        foreach (var cluster in clusters)
        {
            text.AppendLine($"- name: {Quote(cluster.Name)}").AppendLine("  context:")
                .AppendLine($"    cluster: {Quote(cluster.Name)}").AppendLine($"    user: {Quote(cluster.Name)}");
        }
        var current = clusters.FirstOrDefault(c => c.IsManagement) ?? clusters.FirstOrDefault();
        text.AppendLine($"current-context: {Quote(current?.Name ?? "")}");

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
