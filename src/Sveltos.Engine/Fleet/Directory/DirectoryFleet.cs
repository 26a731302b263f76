using System.Text.Json.Nodes;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Profiles;

namespace Sveltos.Engine.Fleet.Directory;

/// <summary>
/// A fleet kept as YAML files in a folder, typically a Git checkout: the same SveltosCluster, Cluster,
/// ClusterProfile, Profile, ConfigMap and Secret objects a management cluster would hold. A cluster's
/// connection is a kubeconfig context named by annotations instead of a Secret. Writes edit files in
/// place and leave the rest of each file untouched.
/// </summary>
public sealed class DirectoryFleet : IFleet
{
    /// <summary>The kubeconfig context of a cluster (default: the cluster's name).</summary>
    public const string ContextAnnotation = "pwsh.projectsveltos.io/context";

    /// <summary>The kubeconfig file of a cluster, relative to the file that declares it (default: the session's kubeconfig).</summary>
    public const string KubeconfigAnnotation = "pwsh.projectsveltos.io/kubeconfig";

    /// <summary>The file, at the fleet's root, that holds its identity.</summary>
    public const string IdentityFile = "fleet.yaml";

    private readonly IReadOnlyList<string>? kubeconfigPaths;
    private IReadOnlyList<FleetFile>? files;

    public DirectoryFleet(string root, IReadOnlyList<string>? kubeconfigPaths)
    {
        if (!System.IO.Directory.Exists(root))
        {
            throw new SveltosException(
                "FleetDirectoryNotFound",
                ErrorKind.ObjectNotFound,
                $"Fleet directory '{root}' does not exist.",
                root,
                "Create the folder, or pass the path of an existing fleet directory.");
        }

        Root = Path.GetFullPath(root);
        this.kubeconfigPaths = kubeconfigPaths;
    }

    public string Root { get; }

    /// <summary>
    /// The file a fleet directory at <paramref name="root"/> names <paramref name="source"/> in its messages
    /// (<c>fleet/profiles/web.yaml</c>: the folder's name, then the path below it), or null when it names none.
    /// </summary>
    public static string? FileNamed(string root, string source)
    {
        if (Path.IsPathRooted(source) || Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))) is not { } parent)
        {
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(parent, source));
        return File.Exists(file) ? file : null;
    }

    public string Description => $"fleet directory '{Root}'";

    public bool IsReadOnly => false;

    public Task<FleetIdentity?> GetIdentityAsync(CancellationToken cancellationToken) => Task.FromResult(FindIdentity()?.Identity);

    /// <summary>
    /// A sync never creates the identity: a CI job's fresh checkout would get a new one every run and take its
    /// own fleet's deployments for another's. The writes that build a fleet (Register, Save) create it.
    /// </summary>
    public Task<FleetIdentity> EnsureIdentityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(FindIdentity()?.Identity ?? throw new SveltosException(
            "FleetIdentityMissing",
            ErrorKind.ObjectNotFound,
            $"{Description} has no fleet identity ({IdentityFile}). A sync needs it to tell this fleet's deployments from others', so nothing was synced.",
            Root,
            $"If this is the fleet you meant, add {IdentityFile} (apiVersion: {FleetIdentity.ApiVersion}, kind: {FleetIdentity.Kind}, metadata.name: a name of your choosing) and commit it; Register-SveltosCluster and Save-ClusterProfile create it. Otherwise check -FleetPath and the branch checked out."));

    public Task<IReadOnlyList<FleetCluster>> GetClustersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<FleetCluster> clusters = Documents()
            .Where(d => IsCluster(d.Object))
            .Select(ToCluster)
            .OrderBy(c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(clusters);
    }

    public Task<FleetCluster> RegisterClusterAsync(ClusterRegistration registration, CancellationToken cancellationToken)
    {
        CreateIdentityIfMissing();
        var annotations = new Dictionary<string, string> { [ContextAnnotation] = registration.Connection.Context };
        if (registration.Connection.KubeconfigPaths is [var kubeconfig])
        {
            annotations[KubeconfigAnnotation] = Path.GetRelativePath(Path.Combine(Root, "clusters"), kubeconfig).Replace('\\', '/');
        }

        var existing = Documents().FirstOrDefault(d => IsCluster(d.Object) && KubeObject.Namespace(d.Object) == registration.Namespace && KubeObject.Name(d.Object) == registration.Name);
        if (existing is not null)
        {
            if (existing.Kind is "Cluster")
            {
                throw new SveltosException("ClusterAlreadyRegistered", ErrorKind.ResourceExists, $"{existing.Location}: {registration.Namespace}/{registration.Name} is a Cluster API cluster.", registration.Name);
            }

            var merged = new Dictionary<string, string>(KubeObject.Annotations(existing.Object));
            merged.Remove(KubeconfigAnnotation);
            foreach (var (key, value) in annotations)
            {
                merged[key] = value;
            }

            Edit(existing.File, text => YamlFileEditor.SetMetadataMap(YamlFileEditor.SetMetadataMap(text, existing.Index, "labels", registration.Labels), existing.Index, "annotations", merged));
        }
        else
        {
            AppendDocument(Path.Combine(Root, "clusters", $"{registration.Name}.yaml"), RenderCluster(registration, annotations));
        }

        return Task.FromResult(Documents().Where(d => IsCluster(d.Object)).Select(ToCluster).First(c => c.Namespace == registration.Namespace && c.Name == registration.Name));
    }

    public Task UnregisterClusterAsync(FleetCluster cluster, CancellationToken cancellationToken)
    {
        var document = Find(cluster);
        Edit(document.File, text => YamlFileEditor.RemoveDocument(text, document.Index));
        return Task.CompletedTask;
    }

    public Task<FleetCluster> SetClusterLabelsAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var document = Find(cluster);
        Edit(document.File, text => YamlFileEditor.SetMetadataMap(text, document.Index, "labels", labels));
        var updated = Documents().Where(d => IsCluster(d.Object)).Select(ToCluster).First(c => c.Key == cluster.Key);
        return Task.FromResult(updated);
    }

    public Task<FleetCluster> SetClusterMetadataAsync(FleetCluster cluster, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string?> annotationChanges, CancellationToken cancellationToken)
    {
        var document = Find(cluster);
        var annotations = new Dictionary<string, string>(KubeObject.Annotations(document.Object), StringComparer.Ordinal);
        foreach (var (key, value) in annotationChanges)
        {
            if (value is null)
            {
                annotations.Remove(key);
            }
            else
            {
                annotations[key] = value;
            }
        }

        Edit(document.File, text => YamlFileEditor.SetMetadataMap(YamlFileEditor.SetMetadataMap(text, document.Index, "labels", labels), document.Index, "annotations", annotations));
        return Task.FromResult(Documents().Where(d => IsCluster(d.Object)).Select(ToCluster).First(c => c.Key == cluster.Key));
    }

    public Task<Classify.FleetClassifiers> GetClassifiersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Classify.FleetClassifiers.From(Files()
            .Where(f => f.Results.Any(IsClassifier))
            .SelectMany(f => Classify.ClassifierImporter.ImportFile(f.Path, f.DisplayPath))
            .Where(r => r.Kind == "Classifier")));

    public Task SaveClassifierAsync(Classify.ClassifierDocument classifier, CancellationToken cancellationToken)
    {
        CreateIdentityIfMissing();
        var existing = Files()
            .SelectMany(f => f.Results.Select(r => (File: f, Result: r)))
            .FirstOrDefault(x => IsClassifier(x.Result) && x.Result.Name == classifier.Name);
        if (existing.Result is not null)
        {
            Edit(existing.File.Path, text => YamlFileEditor.ReplaceDocument(text, existing.Result.DocumentIndex, classifier.ToYaml()));
        }
        else
        {
            AppendDocument(Path.Combine(Root, "classifiers", $"{classifier.Name}.yaml"), classifier.ToYaml());
        }

        return Task.CompletedTask;
    }

    public Task RemoveClassifierAsync(string name, CancellationToken cancellationToken)
    {
        var existing = Files()
            .SelectMany(f => f.Results.Select(r => (File: f, Result: r)))
            .FirstOrDefault(x => IsClassifier(x.Result) && x.Result.Name == name);
        if (existing.Result is null)
        {
            throw ClassifierNotFound(name);
        }

        Edit(existing.File.Path, text => YamlFileEditor.RemoveDocument(text, existing.Result.DocumentIndex));
        return Task.CompletedTask;
    }

    private SveltosException ClassifierNotFound(string name) =>
        new("ClassifierNotFound", ErrorKind.ObjectNotFound, $"Classifier/{name} is not in {Description}.", name, "Run Get-ClusterClassifier to list the classifiers that exist.");

    private static bool IsClassifier(ProfileImportResult result) =>
        result.Kind == "Classifier" && (result.ApiVersion ?? "").StartsWith("lib.projectsveltos.io/", StringComparison.Ordinal);

    public Task<FleetProfiles> GetProfilesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(FleetProfiles.From(Files().SelectMany(f => f.Results)));

    public Task SaveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken)
    {
        if (CreateIdentityIfMissing() is { } identity && identity.RemovedProfiles.Contains(profile.Identity))
        {
            SaveIdentity(identity.WithoutRemoved(profile.Identity));
        }

        var existing = Files()
            .SelectMany(f => f.Results.Select(r => (File: f, Result: r)))
            .FirstOrDefault(x => x.Result.Profile?.Identity == profile.Identity);
        if (existing.Result is not null)
        {
            Edit(existing.File.Path, text => YamlFileEditor.ReplaceDocument(text, existing.Result.DocumentIndex, profile.ToYaml()));
        }
        else
        {
            var folder = profile.Kind == ProfileKind.Profile ? Path.Combine(Root, "profiles", profile.Namespace ?? "default") : Path.Combine(Root, "profiles");
            AppendDocument(Path.Combine(folder, $"{profile.Name}.yaml"), profile.ToYaml());
        }

        return Task.CompletedTask;
    }

    public Task RemoveProfileAsync(ClusterProfileDocument profile, CancellationToken cancellationToken)
    {
        var existing = Files()
            .SelectMany(f => f.Results.Select(r => (File: f, Result: r)))
            .FirstOrDefault(x => x.Result.Profile?.Identity == profile.Identity);
        if (existing.Result is null)
        {
            throw new SveltosException("ProfileNotFound", ErrorKind.ObjectNotFound, $"{profile.Identity} is not in {Description}.", profile.Identity);
        }

        var identity = CreateIdentityIfMissing();
        Edit(existing.File.Path, text => YamlFileEditor.RemoveDocument(text, existing.Result.DocumentIndex));
        SaveIdentity(identity.WithRemoved(profile.Identity));
        return Task.CompletedTask;
    }

    public Task<JsonObject?> GetObjectAsync(string apiVersion, string kind, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        var found = Documents().FirstOrDefault(d =>
            d.Kind == kind
            && d.Group == group
            && KubeObject.Name(d.Object) == name
            && (string.IsNullOrEmpty(@namespace) || NamespaceOf(d.Object) == @namespace));
        return Task.FromResult(found?.Object.DeepClone() as JsonObject);
    }

    public void Dispose()
    {
    }

    private FleetIdentity CreateIdentityIfMissing()
    {
        if (FindIdentity()?.Identity is { } identity)
        {
            return identity;
        }

        var created = new FleetIdentity(FleetIdentity.NewName(Path.GetFileName(Root)), new SortedSet<string>(StringComparer.Ordinal));
        AppendDocument(Path.Combine(Root, IdentityFile), RenderIdentity(created));
        return created;
    }

    private void SaveIdentity(FleetIdentity identity)
    {
        var (document, _) = FindIdentity() ?? throw new InvalidOperationException("the fleet identity was created before it is saved");
        Edit(document.File, text => YamlFileEditor.ReplaceDocument(text, document.Index, RenderIdentity(identity)));
    }

    private (FleetDocument Document, FleetIdentity Identity)? FindIdentity()
    {
        var found = Documents().Where(d => d.Kind == FleetIdentity.Kind && KubeObject.ApiVersion(d.Object) == FleetIdentity.ApiVersion).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        if (found.Count > 1)
        {
            throw new SveltosException(
                "FleetIdentityAmbiguous",
                ErrorKind.InvalidData,
                $"{Description} declares its identity more than once: {string.Join(", ", found.Select(d => d.Location))}.",
                Root,
                $"Keep one {FleetIdentity.Kind} document (the one whose name the deployed clusters' records carry).");
        }

        var document = found[0];
        var name = KubeObject.Name(document.Object);
        if (name.Length == 0)
        {
            throw new SveltosException("FleetIdentityInvalid", ErrorKind.InvalidData, $"{document.Location}: metadata.name, the fleet's identity, is missing.", document.File, "Give the fleet a name; every deployment record it writes carries it.");
        }

        var removed = (document.Object["spec"]?["removedProfiles"] as JsonArray ?? []).Select(n => KubeObject.Text(n)).Where(t => t.Length > 0);
        return (document, new FleetIdentity(name, new SortedSet<string>(removed, StringComparer.Ordinal)));
    }

    private static string RenderIdentity(FleetIdentity identity)
    {
        var lines = new List<string>
        {
            $"apiVersion: {FleetIdentity.ApiVersion}",
            $"kind: {FleetIdentity.Kind}",
            "metadata:",
            $"  name: {YamlFileEditor.Scalar(identity.Name)}",
        };
        if (identity.RemovedProfiles.Count == 0)
        {
            lines.Add("spec: {}");
        }
        else
        {
            lines.Add("spec:");
            lines.Add("  removedProfiles:");
            lines.AddRange(identity.RemovedProfiles.Select(p => $"  - {YamlFileEditor.Scalar(p)}"));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string NamespaceOf(JsonObject obj) => KubeObject.Namespace(obj) is { Length: > 0 } ns ? ns : "default";

    private static bool IsCluster(JsonObject obj)
    {
        var group = KubeObject.ApiVersion(obj).Split('/')[0];
        return (KubeObject.Kind(obj) == "SveltosCluster" && group == "lib.projectsveltos.io") || (KubeObject.Kind(obj) == "Cluster" && group == "cluster.x-k8s.io");
    }

    private static string RenderCluster(ClusterRegistration registration, IReadOnlyDictionary<string, string> annotations)
    {
        var lines = new List<string>
        {
            $"apiVersion: {SveltosCrds.SveltosCluster.ApiVersion}",
            "kind: SveltosCluster",
            "metadata:",
            $"  name: {YamlFileEditor.Scalar(registration.Name)}",
            $"  namespace: {YamlFileEditor.Scalar(registration.Namespace)}",
        };
        lines.AddRange(YamlFileEditor.Render("labels", registration.Labels, 2));
        lines.AddRange(YamlFileEditor.Render("annotations", annotations, 2));
        lines.Add("spec: {}");
        return string.Join("\n", lines) + "\n";
    }

    private FleetCluster ToCluster(FleetDocument document)
    {
        var obj = document.Object;
        var annotations = KubeObject.Annotations(obj);
        var context = annotations.TryGetValue(ContextAnnotation, out var c) && c.Length > 0 ? c : KubeObject.Name(obj);
        var kubeconfig = annotations.TryGetValue(KubeconfigAnnotation, out var k) && k.Length > 0
            ? [Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document.File)!, k))]
            : kubeconfigPaths;
        var capi = document.Kind == "Cluster";

        // A file in Git has no controller writing status: a cluster is ready unless it says otherwise.
        var readyNode = capi ? obj["status"]?["controlPlaneReady"] : obj["status"]?["ready"];
        var ready = readyNode is null || KubeObject.Flag(readyNode);
        return new FleetCluster(
            capi ? ClusterType.Capi : ClusterType.SveltosCluster,
            NamespaceOf(obj),
            KubeObject.Name(obj),
            KubeObject.Labels(obj),
            ready,
            KubeObject.Flag(obj["spec"]?["paused"]),
            KubeObject.Text(obj["status"]?["version"]) is { Length: > 0 } v ? v : null,
            new ContextConnection(context, kubeconfig),
            document.File) { Object = obj };
    }

    private FleetDocument Find(FleetCluster cluster) =>
        Documents().FirstOrDefault(d => IsCluster(d.Object) && NamespaceOf(d.Object) == cluster.Namespace && KubeObject.Name(d.Object) == cluster.Name)
        ?? throw new SveltosException("ClusterNotFound", ErrorKind.ObjectNotFound, $"Cluster '{cluster}' is not in {Description}.", cluster.ToString());

    /// <summary>Adds a document to a file of the fleet, creating the file (and its folder) when needed.</summary>
    private void AppendDocument(string path, string yaml)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var current = File.Exists(path) ? File.ReadAllText(path) : "";
        File.WriteAllText(path, YamlFileEditor.AppendDocument(current, yaml));
        files = null;
    }

    private void Edit(string path, Func<string, string> change)
    {
        var text = File.ReadAllText(path);
        var updated = change(text);
        if (string.IsNullOrWhiteSpace(string.Join("\n", updated.Split('\n').Where(l => !l.TrimStart().StartsWith('#') && l.Trim() != "---"))))
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, updated);
        }

        files = null;
    }

    private IEnumerable<FleetDocument> Documents() =>
        Files().SelectMany(f => f.Results
            .Where(r => r.Outcome != ImportOutcome.Invalid || r.Profile is not null || r.Kind is "ClusterProfile" or "Profile")
            .Select(r => (Result: r, Object: r.ToJsonObject()))
            .Where(x => x.Object is not null)
            .Select(x => new FleetDocument(f.Path, f.DisplayPath, x.Result.DocumentIndex, x.Object!)));

    private IReadOnlyList<FleetFile> Files() => files ??= LoadFiles();

    private List<FleetFile> LoadFiles()
    {
        var loaded = new List<FleetFile>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')) || !IsYaml(path))
            {
                continue;
            }

            var display = Path.Combine(Path.GetFileName(Root), relative).Replace('\\', '/');
            var results = ProfileImporter.ImportFile(path, display);

            // A document that cannot be read at all could be anything, a profile included: refuse to guess.
            var unreadable = results.FirstOrDefault(r => r.Outcome == ImportOutcome.Invalid && r.Kind is null);
            if (unreadable is not null)
            {
                throw new SveltosException(
                    "FleetFileMalformed",
                    ErrorKind.InvalidData,
                    string.Join(Environment.NewLine, unreadable.Problems.Select(p => p.Message)),
                    path,
                    "Fix the file; nothing in the fleet is changed while a file cannot be read.");
            }

            loaded.Add(new FleetFile(path, display, results));
        }

        return loaded;
    }

    private static bool IsYaml(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" or ".json";

    private sealed record FleetFile(string Path, string DisplayPath, IReadOnlyList<ProfileImportResult> Results);

    private sealed record FleetDocument(string File, string DisplayPath, int Index, JsonObject Object)
    {
        public string Kind => KubeObject.Kind(Object);

        public string Group => KubeObject.ApiVersion(Object).Contains('/', StringComparison.Ordinal) ? KubeObject.ApiVersion(Object).Split('/')[0] : "";

        public string Location => $"{DisplayPath}[{Index}]";
    }
}
