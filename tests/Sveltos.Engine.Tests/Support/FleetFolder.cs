using System.Text;
using Sveltos.Engine.Fleet.Directory;
using Sveltos.Engine.Sync;

namespace Sveltos.Engine.Tests.Support;

/// <summary>A fleet directory on disk whose clusters are the contexts of a KubeSim kubeconfig.</summary>
public sealed class FleetFolder : IDisposable
{
    public FleetFolder(KubeSimFleet sim)
    {
        Sim = sim;
        Root = System.IO.Directory.CreateTempSubdirectory("sveltos-sync-").FullName;
        Write(DirectoryFleet.IdentityFile, $"apiVersion: pwsh.projectsveltos.io/v1alpha1\nkind: Fleet\nmetadata:\n  name: {Path.GetFileName(Root).ToLowerInvariant()}\nspec: {{}}\n");
    }

    public KubeSimFleet Sim { get; }

    public string Root { get; }

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);

    public void Cluster(string name, string labels, string? namespaceName = "fleet") =>
        Write($"clusters/{name}.yaml", $"""
            apiVersion: lib.projectsveltos.io/v1beta1
            kind: SveltosCluster
            metadata:
              name: {name}
              namespace: {namespaceName}
              labels: {labels}
            """);

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative));

    /// <summary>A ConfigMap whose single key holds the given manifests (YAML).</summary>
    public void Content(string name, string manifests, string namespaceName = "fleet")
    {
        var indented = new StringBuilder();
        foreach (var line in manifests.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            indented.Append("    ").AppendLine(line);
        }

        Write($"content/{name}.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {namespaceName}\ndata:\n  manifests.yaml: |\n{indented}");
    }

    public void Profile(string name, string selector, string policyRefs, string extraSpec = "") =>
        Write($"profiles/{name}.yaml", $"""
            apiVersion: config.projectsveltos.io/v1beta1
            kind: ClusterProfile
            metadata:
              name: {name}
            spec:
              clusterSelector:
                matchLabels: {selector}
              policyRefs: {policyRefs}
            {extraSpec}
            """);

    public DirectoryFleet Open() => new(Root, [Sim.Kubeconfig]);

    /// <summary>Plans and applies everything, approving every change.</summary>
    public async Task<RecordingObserver> SyncAsync(SyncRequest? request = null)
    {
        var observer = new RecordingObserver();
        using var fleet = Open();
        using var plan = await FleetSync.PlanAsync(fleet, request ?? new SyncRequest(), observer, CancellationToken.None);
        await plan.ApplyAsync((_, _) => true, observer, CancellationToken.None);
        return observer;
    }
}
