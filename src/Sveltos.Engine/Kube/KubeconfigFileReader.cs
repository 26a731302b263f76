using YamlDotNet.RepresentationModel;

namespace Sveltos.Engine.Kube;

/// <summary>Reads the entries of one kubeconfig file, naming the file and entry in every error.</summary>
internal sealed class KubeconfigFileReader(string file, YamlMappingNode root)
{
    private readonly string directory = Path.GetDirectoryName(file) ?? ".";

    public string? CurrentContext()
    {
        var value = Scalar(root, "current-context", "current-context");
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public IEnumerable<KubeconfigContext> Contexts() =>
        Entries("contexts", "context", (name, body, where) => new KubeconfigContext(
            name,
            Scalar(body, "cluster", where) ?? "",
            Scalar(body, "user", where) ?? "",
            Scalar(body, "namespace", where),
            file));

    public IEnumerable<KubeconfigCluster> Clusters() =>
        Entries("clusters", "cluster", (name, body, where) => new KubeconfigCluster(
            name,
            Scalar(body, "server", where) ?? "",
            Scalar(body, "certificate-authority-data", where),
            FilePath(Scalar(body, "certificate-authority", where)),
            string.Equals(Scalar(body, "insecure-skip-tls-verify", where), "true", StringComparison.OrdinalIgnoreCase),
            Scalar(body, "tls-server-name", where),
            Scalar(body, "proxy-url", where),
            file));

    public IEnumerable<KubeconfigUser> Users() =>
        Entries("users", "user", (name, body, where) => new KubeconfigUser
        {
            Name = name,
            SourceFile = file,
            Token = Scalar(body, "token", where),
            TokenFile = FilePath(Scalar(body, "tokenFile", where)),
            ClientCertificateData = Scalar(body, "client-certificate-data", where),
            ClientCertificateFile = FilePath(Scalar(body, "client-certificate", where)),
            ClientKeyData = Scalar(body, "client-key-data", where),
            ClientKeyFile = FilePath(Scalar(body, "client-key", where)),
            Username = Scalar(body, "username", where),
            Password = Scalar(body, "password", where),
            Exec = Exec(body, where),
        });

    private ExecCredentialConfig? Exec(YamlMappingNode user, string where)
    {
        var node = Child(user, "exec");
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        var exec = AsMapping(node, $"{where}.exec");
        var command = Scalar(exec, "command", $"{where}.exec");
        if (string.IsNullOrEmpty(command))
        {
            throw Invalid($"{where}.exec has no 'command'.");
        }

        // kubectl resolves a relative command against the kubeconfig only when it names a path.
        if (command.Contains('/') || command.Contains(Path.DirectorySeparatorChar))
        {
            command = FilePath(command)!;
        }

        var args = Child(exec, "args") is { } argsNode
            ? AsSequence(argsNode, $"{where}.exec.args").Select((a, i) => ScalarValue(a, $"{where}.exec.args[{i}]") ?? "").ToList()
            : [];
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(exec, "env") is { } envNode && envNode is not YamlScalarNode { Value: null or "" })
        {
            var index = 0;
            foreach (var item in AsSequence(envNode, $"{where}.exec.env"))
            {
                var entry = AsMapping(item, $"{where}.exec.env[{index}]");
                var name = Scalar(entry, "name", $"{where}.exec.env[{index}]");
                if (!string.IsNullOrEmpty(name))
                {
                    env[name] = Scalar(entry, "value", $"{where}.exec.env[{index}]") ?? "";
                }

                index++;
            }
        }

        return new ExecCredentialConfig(command, args, env, Scalar(exec, "apiVersion", $"{where}.exec"), Scalar(exec, "installHint", $"{where}.exec"));
    }

    private IEnumerable<T> Entries<T>(string section, string bodyKey, Func<string, YamlMappingNode, string, T> read)
    {
        var node = Child(root, section);
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        var index = 0;
        foreach (var item in AsSequence(node, section))
        {
            var where = $"{section}[{index}]";
            var entry = AsMapping(item, where);
            var name = Scalar(entry, "name", where);
            if (string.IsNullOrEmpty(name))
            {
                throw Invalid($"{where} has no 'name'.");
            }

            where = $"{section}['{name}']";
            var body = Child(entry, bodyKey);
            var mapping = body is null || body is YamlScalarNode { Value: null or "" }
                ? new YamlMappingNode()
                : AsMapping(body, $"{where}.{bodyKey}");
            yield return read(name, mapping, $"{where}.{bodyKey}");
            index++;
        }
    }

    private string? FilePath(string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(directory, path));

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string? Scalar(YamlMappingNode mapping, string key, string where) =>
        Child(mapping, key) is { } node ? ScalarValue(node, $"{where}.{key}") : null;

    private string? ScalarValue(YamlNode node, string where) =>
        node is YamlScalarNode scalar ? scalar.Value : throw Invalid($"{where} must be a single value.", node);

    private YamlMappingNode AsMapping(YamlNode node, string where) =>
        node as YamlMappingNode ?? throw Invalid($"{where} must be a mapping.", node);

    private YamlSequenceNode AsSequence(YamlNode node, string where) =>
        node as YamlSequenceNode ?? throw Invalid($"'{where}' must be a list.", node);

    private SveltosException Invalid(string problem, YamlNode? node = null)
    {
        var location = node is null ? "" : $" (line {node.Start.Line})";
        return new SveltosException(
            "KubeconfigInvalidEntry",
            ErrorKind.InvalidData,
            $"Kubeconfig '{file}'{location}: {problem}",
            file,
            "Correct the entry; 'kubectl config view' shows how kubectl reads the file.");
    }
}
