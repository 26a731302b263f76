namespace Sveltos.HelmCorpus;

/// <summary>
/// The files of an <c>--output-dir</c> tree by relative path ('/'-separated). A repository may move Helm's files
/// before committing them; the layout names how:
/// "as-written" keeps Helm's <c>&lt;chart&gt;/templates/...</c> and <c>&lt;chart&gt;/charts/&lt;sub&gt;/templates/...</c>;
/// "flattened" (the opentelemetry-helm-charts Makefile) moves <c>&lt;chart&gt;/templates/*</c> to the root and
/// <c>&lt;chart&gt;/charts/&lt;sub&gt;/templates/*</c> to <c>&lt;sub&gt;/</c>, dropping whatever else was written.
/// </summary>
internal static class OutputTree
{
    public static Dictionary<string, string> ReadGolden(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Relative(directory, file), File.ReadAllText, StringComparer.Ordinal);

    public static Dictionary<string, string> Read(string output, string layout)
    {
        var written = ReadGolden(output);
        return layout switch
        {
            "as-written" => written,
            "flattened" => Flatten(written),
            _ => throw new InvalidDataException($"unknown treeLayout '{layout}': use as-written or flattened"),
        };
    }

    private static Dictionary<string, string> Flatten(Dictionary<string, string> written)
    {
        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in written)
        {
            var parts = path.Split('/');
            if (parts.Length > 2 && parts[1] == "templates")
            {
                moved[string.Join('/', parts[2..])] = text;
            }
            else if (parts.Length > 4 && parts[1] == "charts" && parts[3] == "templates")
            {
                moved[parts[2] + "/" + string.Join('/', parts[4..])] = text;
            }
        }

        return moved;
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
