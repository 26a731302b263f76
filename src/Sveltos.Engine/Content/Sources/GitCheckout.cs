using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Helm.Sources;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Text;

namespace Sveltos.Engine.Content.Sources;

/// <summary>
/// A Flux GitRepository resolved without Flux, with the git CLI: spec.url and spec.ref (commit, name, semver, tag,
/// branch — Flux's precedence; master when none) turned into a commit with <c>git ls-remote</c>, that commit fetched
/// shallow (depth 1) into a folder named by it and shared from then on. spec.secretRef is Flux's Secret: username and
/// password (https), or identity and known_hosts (ssh). spec.interval, when set, is how long a resolved ref is reused.
/// </summary>
public static class GitCheckout
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, (DateTimeOffset At, string Commit, string Revision)> Resolved = new(StringComparer.Ordinal);

    public static async Task<FetchedSource> FetchAsync(JsonObject source, SourceReference reference, IFleet fleet, Action<string> verbose, CancellationToken cancellationToken)
    {
        var git = ToolProcess.OnPath("git") ?? throw new ContentException(
            "GitNotFound", $"{reference.Where}: cloning GitRepository {reference.Namespace}/{reference.Name} needs the git CLI, which is not on PATH.", reference.Where, "Install git, or let Flux serve the repository's artifact.");
        var spec = source["spec"] as JsonObject;
        var url = KubeObject.Text(spec?["url"]);
        if (url.Length == 0)
        {
            throw new ContentException("GitUrlMissing", $"{reference.Where}: GitRepository {reference.Namespace}/{reference.Name} has no spec.url.", reference.Where);
        }

        var shown = RedactedUrl.Of(url);
        var environment = await CredentialsAsync(spec, reference, fleet, cancellationToken).ConfigureAwait(false);
        var interval = KubeObject.Text(spec?["interval"]) is { Length: > 0 } text ? GoDuration.TryParse(text) : null;
        var key = $"{url}|{spec?["ref"]?.ToJsonString()}";
        string commit, revision;
        if (interval is { } every && Resolved.TryGetValue(key, out var known) && DateTimeOffset.UtcNow - known.At < every)
        {
            (commit, revision) = (known.Commit, known.Revision);
        }
        else
        {
            (commit, revision) = await ResolveAsync(git, url, spec?["ref"] as JsonObject, environment, reference, cancellationToken).ConfigureAwait(false);
            Resolved[key] = (DateTimeOffset.UtcNow, commit, revision);
        }

        var folder = Path.Combine(SourceFolders.Root, "git", SourceFolders.Sha256(url)[..16], commit);
        if (!Directory.Exists(folder))
        {
            verbose($"{reference.Where}: cloning {shown} at {revision} (depth 1).");
            var fetched = Path.Combine(SourceFolders.Root, "git", "work-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RunAsync(git, ["init", "-q", fetched], environment, reference, shown, cancellationToken).ConfigureAwait(false);
                await RunAsync(git, ["-C", fetched, "fetch", "-q", "--depth", "1", Remote(url), commit], environment, reference, shown, cancellationToken).ConfigureAwait(false);
                await RunAsync(git, ["-C", fetched, "-c", "advice.detachedHead=false", "checkout", "-q", "FETCH_HEAD"], environment, reference, shown, cancellationToken).ConfigureAwait(false);
                Directory.Delete(Path.Combine(fetched, ".git"), recursive: true);
                SourceFolders.Make(folder, partial => Directory.Move(fetched, partial));
            }
            finally
            {
                if (Directory.Exists(fetched))
                {
                    Directory.Delete(fetched, recursive: true);
                }
            }
        }

        return new FetchedSource(folder, revision, $"GitRepository {reference.Namespace}/{reference.Name} ({shown})") { Object = source };
    }

    /// <summary>The commit a ref names on the remote, and Flux's revision text for it ("main@sha1:…", "v1.2.0@sha1:…").</summary>
    private static async Task<(string Commit, string Revision)> ResolveAsync(string git, string url, JsonObject? gitRef, IReadOnlyDictionary<string, string> environment, SourceReference reference, CancellationToken cancellationToken)
    {
        var shown = RedactedUrl.Of(url);
        if (KubeObject.Text(gitRef?["commit"]) is { Length: > 0 } pinned)
        {
            var branch = KubeObject.Text(gitRef?["branch"]);
            return (pinned, $"{(branch.Length > 0 ? branch : "HEAD")}@sha1:{pinned}");
        }

        string pattern, label;
        if (KubeObject.Text(gitRef?["name"]) is { Length: > 0 } name)
        {
            (pattern, label) = (name, name);
        }
        else if (KubeObject.Text(gitRef?["semver"]) is { Length: > 0 } semver)
        {
            var tags = Refs(await RunAsync(git, ["ls-remote", "--tags", Remote(url)], environment, reference, shown, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Name.StartsWith("refs/tags/", StringComparison.Ordinal))
                .Select(r => r.Name["refs/tags/".Length..].Replace("^{}", "", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var picked = ChartVersions.Pick(ChartVersions.Descending(tags, t => t), t => t, semver)
                ?? throw new ContentException(
                    "GitRefNotFound",
                    $"{reference.Where}: no tag of {shown} satisfies semver '{semver}' (tags: {ChartVersions.Available(ChartVersions.Descending(tags, t => t))}).",
                    reference.Where,
                    "Correct spec.ref.semver of the GitRepository, or push a tag that satisfies it.");
            (pattern, label) = ("refs/tags/" + picked, picked);
        }
        else if (KubeObject.Text(gitRef?["tag"]) is { Length: > 0 } tag)
        {
            (pattern, label) = ("refs/tags/" + tag, tag);
        }
        else
        {
            var branch = KubeObject.Text(gitRef?["branch"]) is { Length: > 0 } b ? b : "master";
            (pattern, label) = ("refs/heads/" + branch, branch);
        }

        var refs = Refs(await RunAsync(git, ["ls-remote", Remote(url), pattern, pattern + "^{}"], environment, reference, shown, cancellationToken).ConfigureAwait(false));
        // An annotated tag is listed twice: the tag object, and (peeled, ^{}) the commit it points at.
        var found = refs.FirstOrDefault(r => r.Name.EndsWith("^{}", StringComparison.Ordinal)) ?? refs.FirstOrDefault();
        if (found is null)
        {
            throw new ContentException(
                "GitRefNotFound",
                $"{reference.Where}: {shown} has no ref '{pattern}' (GitRepository {reference.Namespace}/{reference.Name} spec.ref).",
                reference.Where,
                "Correct spec.ref of the GitRepository (branch, tag, semver, commit or name), or push that ref; nothing of the profile changed on this cluster.");
        }

        return (found.Commit, $"{label}@sha1:{found.Commit}");
    }

    private static List<GitRef> Refs(string lsRemote) =>
        lsRemote.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .Select(parts => new GitRef(parts[0], parts[1]))
            .ToList();

    private sealed record GitRef(string Commit, string Name);

    /// <summary>A local path as a file:// URL, so that a shallow fetch is shallow (git ignores --depth for plain paths).</summary>
    private static string Remote(string url) =>
        Path.IsPathRooted(url) && !url.Contains("://", StringComparison.Ordinal) ? new Uri(url).AbsoluteUri : url;

    private static async Task<string> RunAsync(string git, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, SourceReference reference, string shown, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync(git, arguments, GitTimeout, cancellationToken, environment).ConfigureAwait(false);
        if (exitCode != 0)
        {
            // git quotes URLs in its messages; user information in one (https://user:token@host) is withheld.
            var message = System.Text.RegularExpressions.Regex.Replace(error.Trim(), @"://[^/@\s]+@", "://***@");
            foreach (var secret in environment.Where(e => e.Key.StartsWith("GIT_CONFIG_VALUE", StringComparison.Ordinal)).Select(e => e.Value))
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }

            throw new ContentException(
                "GitFailed",
                $"{reference.Where}: git {arguments.FirstOrDefault(a => a is "init" or "fetch" or "checkout" or "ls-remote") ?? arguments[0]} of {shown} failed: {message}",
                reference.Where,
                "Check the GitRepository's url, ref and secretRef, and that this machine can reach the repository; nothing of the profile changed on this cluster.");
        }

        return output;
    }

    /// <summary>
    /// The environment that gives git the Secret's credentials without putting them on a command line: an
    /// Authorization header through GIT_CONFIG_*, or an ssh command with the identity written to a private file.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> CredentialsAsync(JsonObject? spec, SourceReference reference, IFleet fleet, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["GIT_TERMINAL_PROMPT"] = "0", ["GIT_ASKPASS"] = "" };
        if (KubeObject.Text(spec?["secretRef"]?["name"]) is not { Length: > 0 } secretName)
        {
            return environment;
        }

        var secret = await fleet.GetObjectAsync("v1", "Secret", reference.Namespace, secretName, cancellationToken).ConfigureAwait(false)
            ?? throw new ContentException(
                "GitSecretNotFound",
                $"{reference.Where}: the Secret {reference.Namespace}/{secretName} that GitRepository {reference.Namespace}/{reference.Name} names in spec.secretRef does not exist in {fleet.Description}.",
                reference.Where);
        var data = SecretData.Decode(secret);
        if (data.TryGetValue("username", out var user) && data.TryGetValue("password", out var password))
        {
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }
        else if (data.TryGetValue("bearerToken", out var token))
        {
            environment["GIT_CONFIG_COUNT"] = "1";
            environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            environment["GIT_CONFIG_VALUE_0"] = "Authorization: Bearer " + token;
        }
        else if (data.TryGetValue("identity", out var identity))
        {
            var folder = Path.Combine(SourceFolders.Root, "keys");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, SourceFolders.Sha256(identity));
            var knownHosts = file + ".known_hosts";
            if (!File.Exists(file))
            {
                File.WriteAllText(file, identity.EndsWith('\n') ? identity : identity + "\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            File.WriteAllText(knownHosts, data.TryGetValue("known_hosts", out var hosts) ? hosts : "");
            environment["GIT_SSH_COMMAND"] = $"ssh -i \"{file}\" -o IdentitiesOnly=yes -o UserKnownHostsFile=\"{knownHosts}\" -o StrictHostKeyChecking=yes";
        }

        return environment;
    }
}
