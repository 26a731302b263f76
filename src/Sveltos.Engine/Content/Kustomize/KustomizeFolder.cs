using System.Text.Json.Nodes;
using Sveltos.Engine.Content.Sources;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Content.Kustomize;

/// <summary>
/// The folder kustomize builds, as Flux's kustomize-controller (which Sveltos uses) prepares it: the entry's
/// components added to the kustomization at path (paths relative to it), and a kustomization generated for a folder
/// of plain manifests that has none (its YAML/JSON files and the sub-folders that have their own). Sources are never
/// written: a prepared folder is a copy, made once per revision, path and components.
/// </summary>
internal static class KustomizeFolder
{
    private static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static string Prepare(FetchedSource source, string folder, IReadOnlyList<string> components, string where)
    {
        var existing = FileNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        if (existing is not null && components.Count == 0)
        {
            return folder;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(source.Root), folder);
        var key = SourceFolders.Sha256($"{source.Revision}\n{source.Root}\n{relative}\n{string.Join('\n', components)}");
        var root = SourceFolders.Make(Path.Combine(SourceFolders.Root, "kustomize", key), copy =>
        {
            CopyTree(source.Root, copy);
            var target = Path.Combine(copy, relative);
            var file = existing is null ? Path.Combine(target, "kustomization.yaml") : Path.Combine(target, Path.GetFileName(existing));
            var kustomization = existing is null ? Generated(target) : Read(file, where);
            if (components.Count > 0)
            {
                var list = kustomization["components"] as JsonArray ?? [];
                foreach (var component in components)
                {
                    list.Add(component);
                }

                kustomization["components"] = list;
            }

            File.WriteAllText(file, YamlText.FromJson(kustomization));
        });
        return Path.Combine(root, relative);
    }

    private static JsonObject Read(string file, string where)
    {
        var documents = YamlDocumentReader.Read(File.ReadAllText(file));
        if (documents.Count != 1 || documents[0].Error is not null || documents[0].Root is not YamlMapping mapping)
        {
            throw new ContentException("KustomizeBuildFailed", $"{where}: {Path.GetFileName(file)} is not a YAML mapping, so components cannot be added to it.", where);
        }

        return JsonTreeConverter.ToJsonObject(mapping);
    }

    /// <summary>A kustomization listing the folder's manifests and the sub-folders that are kustomizations themselves.</summary>
    private static JsonObject Generated(string folder)
    {
        var resources = new JsonArray();
        foreach (var entry in Scan(folder, folder))
        {
            resources.Add(entry);
        }

        return new JsonObject { ["apiVersion"] = "kustomize.config.k8s.io/v1beta1", ["kind"] = "Kustomization", ["resources"] = resources };
    }

    private static IEnumerable<string> Scan(string root, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".yaml" or ".yml" or ".json")
            {
                yield return Path.GetRelativePath(root, file).Replace('\\', '/');
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (FileNames.Any(n => File.Exists(Path.Combine(sub, n))))
            {
                yield return Path.GetRelativePath(root, sub).Replace('\\', '/');
            }
            else
            {
                foreach (var nested in Scan(root, sub))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, directory);
            if (relative == ".git" || relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.Combine(to, relative));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }
}
