using Sveltos.Engine.Content;
using Sveltos.Engine.Content.Kustomize;

namespace Sveltos.Engine.Tests.Content;

/// <summary>Against the real kustomize built into kubectl (on every machine the tests run on).</summary>
public sealed class KustomizeToolTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sveltos-kustomize-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    [Fact]
    public async Task Builds_an_overlay_with_a_component_a_patch_a_generator_and_a_namespace()
    {
        Write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
        Write("base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n");
        Write("components/tls/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels: {tls: enabled}\n");
        Write("overlays/prod/kustomization.yaml",
            "namespace: prod\nnamePrefix: prod-\nresources: [../../base]\ncomponents: [../../components/tls]\n" +
            "configMapGenerator: [{name: settings, literals: [color=blue]}]\n" +
            "patches:\n  - patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n    target: {kind: Deployment, name: web}\n");
        var tool = await KustomizeTool.FindAsync(CancellationToken.None);

        var yaml = await tool.BuildAsync(Path.Combine(root, "overlays/prod"), "ConfigMap fleet/web path overlays/prod", CancellationToken.None);

        Assert.Matches("kustomize v\\d", tool.Description);
        Assert.Contains("name: prod-web", yaml, StringComparison.Ordinal);
        Assert.Contains("namespace: prod", yaml, StringComparison.Ordinal);
        Assert.Contains("replicas: 3", yaml, StringComparison.Ordinal);
        Assert.Contains("tls: enabled", yaml, StringComparison.Ordinal);
        Assert.Matches("name: prod-settings-[a-z0-9]{10}", yaml);
    }

    [Fact]
    public async Task A_kustomization_that_does_not_build_is_kustomizes_message_with_the_source()
    {
        Write("broken/kustomization.yaml", "resources: [missing.yaml]\n");
        var tool = await KustomizeTool.FindAsync(CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ContentException>(() => tool.BuildAsync(Path.Combine(root, "broken"), "ConfigMap fleet/web path broken", CancellationToken.None));

        Assert.Equal("KustomizeBuildFailed", ex.ErrorId);
        Assert.StartsWith("ConfigMap fleet/web path broken: kustomize build failed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing.yaml", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(root, ex.Message, StringComparison.Ordinal);
    }
}
