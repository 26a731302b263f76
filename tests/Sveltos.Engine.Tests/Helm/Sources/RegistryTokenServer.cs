using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sveltos.Engine.Tests.Helm.Sources;

/// <summary>
/// The token service of the token-auth registry (docker's token protocol): at the realm the registry's challenge names,
/// it checks Basic credentials and answers with an RS256 JWT that grants the requested scope, signed with the key
/// whose certificate the registry trusts (sent in the x5c header).
/// </summary>
internal sealed class RegistryTokenServer : IDisposable
{
    public const string Username = "robot";
    public const string Password = "robot-token-secret";

    private readonly LoopbackHttpServer _server;
    private readonly ChartRegistry _registry;
    private readonly RSA _key = RSA.Create();
    private readonly string _certificate;

    public RegistryTokenServer(ChartRegistry registry)
    {
        _registry = registry;
        _key.ImportFromPem(File.ReadAllText(registry.TokenKeyPath!));
        _certificate = Convert.ToBase64String(X509Certificate2.CreateFromPem(File.ReadAllText(registry.TokenCertificatePath!)).RawData);
        _server = new LoopbackHttpServer(Issue, port: new Uri(registry.TokenRealm!).Port);
    }

    public IEnumerable<LoopbackRequest> Requests => _server.Requests;

    public void Dispose()
    {
        _server.Dispose();
        _key.Dispose();
    }

    private LoopbackResponse Issue(LoopbackRequest request)
    {
        if (request.Authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")))
        {
            return LoopbackResponse.Text(401, "{\"details\":\"bad credentials\"}");
        }

        var query = request.Query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        var access = new JsonArray();
        foreach (var scope in query.Where(q => q.Key == "scope").Select(q => q.Value))
        {
            var parts = scope.Split(':');
            access.Add(new JsonObject { ["type"] = parts[0], ["name"] = parts[1], ["actions"] = new JsonArray(parts[2].Split(',').Select(a => (JsonNode?)a).ToArray()) });
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["x5c"] = new JsonArray(_certificate) };
        var claims = new JsonObject
        {
            ["iss"] = _registry.TokenIssuer, ["sub"] = Username, ["aud"] = _registry.TokenService,
            ["exp"] = now + 300, ["nbf"] = now - 30, ["iat"] = now, ["jti"] = Guid.NewGuid().ToString("n"), ["access"] = access,
        };
        var signed = $"{Base64Url(header.ToJsonString())}.{Base64Url(claims.ToJsonString())}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var token = $"{signed}.{Base64Url(signature)}";
        return LoopbackResponse.Text(200, JsonSerializer.Serialize(new { token, expires_in = 300 }), ("Content-Type", "application/json"));
    }

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
