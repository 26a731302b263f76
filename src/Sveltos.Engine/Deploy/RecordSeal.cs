using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Keeps hashes of Secret content away from those who may read deployment records (ConfigMaps, which the
/// Kubernetes "view" role grants) but not Secrets: a weak password could be guessed offline from a plain
/// sha256 of the object. Such hashes are recorded as HMACs keyed by a random per-cluster key held in the Secret
/// projectsveltos/sveltos-record-seal; whoever can read that key can read the Secrets themselves. A sealed hash
/// keeps its scheme prefix (declared:sealed:...), so its kind stays recognisable.
/// </summary>
public sealed class RecordSeal
{
    public const string SecretName = "sveltos-record-seal";
    private const string Sealed = "sealed:";
    private const string Plain = "sha256:";

    private readonly byte[]? key;

    private RecordSeal(byte[]? key) => this.key = key;

    /// <summary>A cluster without a key (no Secret deployed yet): sealed values cannot be compared.</summary>
    public static RecordSeal None { get; } = new(null);

    public bool HasKey => key is not null;

    /// <summary>Hashes that say something about a Secret's content are sealed; those of other objects are not.</summary>
    public static bool Protects(ObjectKey key) => key is { Group: "", Kind: "Secret" };

    public static bool IsSealed(string? value) => value?.Contains(Sealed, StringComparison.Ordinal) == true;

    /// <summary>Whether comparing with the record needs the key.</summary>
    public static bool Needed(DeploymentRecord record) =>
        IsSealed(record.InputHash) || record.Objects.Any(o => IsSealed(o.Hash) || IsSealed(o.DriftHash));

    /// <summary>The cluster's key, or <see cref="None"/> when it has none.</summary>
    public static async Task<RecordSeal> ReadAsync(KubeClient client, CancellationToken cancellationToken)
    {
        var secrets = await client.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
        var secret = await client.GetAsync(secrets, DeploymentRecordStore.Namespace, SecretName, cancellationToken).ConfigureAwait(false);
        if (secret is null || !SecretData.Decode(secret).TryGetValue("key", out var text))
        {
            return None;
        }

        try
        {
            return Convert.FromHexString(text.Trim()) is { Length: >= 32 } bytes ? new RecordSeal(bytes) : throw new FormatException("shorter than 32 bytes");
        }
        catch (FormatException ex)
        {
            throw new SveltosException(
                "RecordSealInvalid",
                ErrorKind.InvalidData,
                $"Cluster '{client.ClusterName}': Secret {DeploymentRecordStore.Namespace}/{SecretName} does not hold a usable key ({ex.Message}).",
                client.ClusterName,
                "Delete the Secret: the next sync makes a new key, and re-applies the Secrets it deployed there to record them with it.");
        }
    }

    /// <summary>The cluster's key, created when it has none (a write: only while applying).</summary>
    public static async Task<RecordSeal> EnsureAsync(KubeClient client, CancellationToken cancellationToken)
    {
        if (await ReadAsync(client, cancellationToken).ConfigureAwait(false) is { HasKey: true } existing)
        {
            return existing;
        }

        var secrets = await client.ResolveResourceAsync("v1", "Secret", cancellationToken).ConfigureAwait(false);
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = SecretName, ["namespace"] = DeploymentRecordStore.Namespace },
            ["type"] = "Opaque",
            ["stringData"] = new JsonObject { ["key"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) },
        };
        await DeploymentRecordStore.EnsureNamespaceAsync(client, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.CreateAsync(secrets, DeploymentRecordStore.Namespace, secret, FieldManagers.Sveltos, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another runner created it first: its key is the cluster's.
        }

        return await ReadAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form a hash is recorded in: sealed for the hashes <paramref name="protect"/> says are about Secret content.</summary>
    public string Record(string hash, bool protect) => protect && hash.Length > 0 ? Seal(hash) : hash;

    /// <summary>
    /// Whether a recorded hash is that of <paramref name="hash"/>: true or false, or null when the record holds a
    /// sealed hash and the key is not known here (the answer is then "unknown", never "changed").
    /// </summary>
    public bool? Matches(string? recorded, string hash)
    {
        if (recorded is null || !IsSealed(recorded))
        {
            return recorded == hash;
        }

        return key is null ? null : CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recorded), Encoding.ASCII.GetBytes(Seal(hash)));
    }

    private string Seal(string hash)
    {
        var at = hash.IndexOf(Plain, StringComparison.Ordinal);
        var scheme = at < 0 ? "" : hash[..at];
        var mac = HMACSHA256.HashData(key ?? throw new InvalidOperationException("no record seal key was read or created"), Encoding.UTF8.GetBytes(hash));
        return scheme + Sealed + Convert.ToHexString(mac).ToLowerInvariant();
    }
}
