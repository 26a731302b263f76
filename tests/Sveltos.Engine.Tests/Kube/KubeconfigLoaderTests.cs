using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Tests.Kube;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sveltos-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void First_file_defining_an_entry_wins_and_current_context_comes_from_the_first_that_sets_it()
    {
        var first = Write("first", """
            clusters:
            - name: shared
              cluster: {server: https://first}
            contexts:
            - name: ctx
              context: {cluster: shared, user: u, namespace: team-a}
            users:
            - name: u
              user: {token: one}
            """);
        var second = Write("second", """
            current-context: ctx
            clusters:
            - name: shared
              cluster: {server: https://second}
            users:
            - name: u
              user: {token: two}
            """);

        var config = KubeconfigLoader.LoadFiles([first, second]);

        Assert.Equal("ctx", config.CurrentContext);
        var resolved = config.Resolve("ctx");
        Assert.Equal("https://first", resolved.Cluster.Server);
        Assert.Equal("one", resolved.User.Token);
        Assert.Equal("team-a", resolved.Namespace);
    }

    [Fact]
    public void Relative_file_references_resolve_against_the_file_that_holds_them()
    {
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        var file = Write("sub/config", """
            clusters:
            - name: c
              cluster: {server: https://c, certificate-authority: certs/ca.crt}
            users:
            - name: u
              user:
                client-certificate: ../client.crt
                client-key: /abs/client.key
                tokenFile: token
                exec: {command: ./bin/plugin, args: [a]}
            contexts:
            - name: c
              context: {cluster: c, user: u}
            """);

        var resolved = KubeconfigLoader.LoadFiles([file]).Resolve("c");

        Assert.Equal(Path.Combine(directory, "sub", "certs", "ca.crt"), resolved.Cluster.CertificateAuthorityFile);
        Assert.Equal(Path.Combine(directory, "client.crt"), resolved.User.ClientCertificateFile);
        Assert.Equal("/abs/client.key", resolved.User.ClientKeyFile);
        Assert.Equal(Path.Combine(directory, "sub", "token"), resolved.User.TokenFile);
        Assert.Equal(Path.Combine(directory, "sub", "bin", "plugin"), resolved.User.Exec!.Command);
    }

    [Fact]
    public void A_bare_exec_command_is_left_for_PATH_lookup()
    {
        var file = Write("config", """
            users:
            - name: u
              user: {exec: {command: aws, args: [eks, get-token]}}
            """);

        Assert.Equal("aws", KubeconfigLoader.LoadFiles([file]).Users["u"].Exec!.Command);
    }

    [Fact]
    public void Missing_files_in_KUBECONFIG_are_skipped_but_an_explicit_missing_file_is_an_error()
    {
        var present = Write("present", "contexts: []");
        var missing = Path.Combine(directory, "missing");

        Assert.Equal([present], KubeconfigPaths.Resolve(null, $"{missing}{Path.PathSeparator}{present}"));
        var error = Assert.Throws<SveltosException>(() => KubeconfigPaths.Resolve([missing], null));
        Assert.Equal("KubeconfigNotFound", error.ErrorId);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Malformed_yaml_names_file_and_line()
    {
        var file = Write("bad", "clusters:\n- name: a\n  cluster: {server: [x\n");

        var error = Assert.Throws<SveltosException>(() => KubeconfigLoader.LoadFiles([file]));

        Assert.Equal("KubeconfigMalformed", error.ErrorId);
        Assert.Contains(file, error.Message);
        Assert.Matches(@"line \d+, column \d+", error.Message);
    }

    [Theory]
    [InlineData("clusters: {a: b}", "'clusters' must be a list")]
    [InlineData("clusters:\n- cluster: {server: x}", "clusters[0] has no 'name'")]
    [InlineData("users:\n- name: u\n  user: {exec: {args: [x]}}", "users['u'].user.exec has no 'command'")]
    [InlineData("contexts:\n- name: c\n  context: [a]", "contexts['c'].context must be a mapping")]
    public void Wrongly_shaped_entries_are_reported_with_their_path(string yaml, string expected)
    {
        var file = Write("shape", yaml);

        var error = Assert.Throws<SveltosException>(() => KubeconfigLoader.LoadFiles([file]));

        Assert.Equal("KubeconfigInvalidEntry", error.ErrorId);
        Assert.Contains(expected, error.Message);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void Resolving_a_context_with_a_missing_cluster_or_user_names_the_file_and_entries()
    {
        var file = Write("dangling", """
            clusters:
            - name: real
              cluster: {server: https://real}
            contexts:
            - name: no-cluster
              context: {cluster: ghost, user: u}
            - name: no-user
              context: {cluster: real, user: nobody}
            """);
        var config = KubeconfigLoader.LoadFiles([file]);

        var cluster = Assert.Throws<SveltosException>(() => config.Resolve("no-cluster"));
        Assert.Equal("KubeconfigClusterNotFound", cluster.ErrorId);
        Assert.Contains($"'{file}'", cluster.Message);
        Assert.Contains("'ghost'", cluster.Message);

        var user = Assert.Throws<SveltosException>(() => config.Resolve("no-user"));
        Assert.Equal("KubeconfigUserNotFound", user.ErrorId);
        Assert.Contains("'nobody'", user.Message);

        Assert.Equal("KubeconfigContextNotFound", Assert.Throws<SveltosException>(() => config.Resolve("absent")).ErrorId);
    }

    [Fact]
    public void Users_never_print_their_credentials()
    {
        var file = Write("secret", """
            users:
            - name: u
              user:
                token: TOKEN-SECRET
                client-key-data: KEY-SECRET
                exec: {command: x, env: [{name: P, value: ENV-SECRET}]}
            """);

        var user = KubeconfigLoader.LoadFiles([file]).Users["u"];

        var printed = user + " " + user.Exec;
        Assert.DoesNotContain("SECRET", printed);
        Assert.Contains("token", printed);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
