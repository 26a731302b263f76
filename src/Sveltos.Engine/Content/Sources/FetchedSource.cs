using System.Text.Json.Nodes;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// A source's files on disk: the folder its content was unpacked, cloned or checked out into (shared, never written
/// after it is made), the revision it holds (a Flux artifact's revision, a commit, a digest), and the object that
/// named it (a ConfigMap, Secret or Flux source; none for a remoteURL).
/// </summary>
public sealed record FetchedSource(string Root, string Revision, string Description)
{
    public JsonObject? Object { get; init; }

    /// <summary>The folder <paramref name="path"/> names inside the source, which must exist and stay inside it.</summary>
    public string Folder(string? path, string where, string target)
    {
        var relative = string.IsNullOrEmpty(path) ? "." : path.TrimStart('/');
        var root = Path.GetFullPath(Root);
        var folder = Path.GetFullPath(Path.Combine(root, relative));
        if (folder != root && !folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ContentException("SourcePathOutside", $"{where}: path '{path}' points outside the source.", target, "Give a path relative to the root of the source.");
        }

        if (!Directory.Exists(folder))
        {
            throw new ContentException(
                "SourcePathNotFound",
                $"{where}: {Description} at revision {Revision} has no folder '{path}'.",
                target,
                "Correct path: it is relative to the root of the source (the repository, artifact or tarball).");
        }

        return folder;
    }
}
