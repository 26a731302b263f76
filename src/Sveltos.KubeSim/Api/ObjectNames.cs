using System.Text.RegularExpressions;

namespace Sveltos.KubeSim.Api;

/// <summary>The name and label rules of Kubernetes, with the API server's error texts.</summary>
internal static partial class ObjectNames
{
    private const string SubdomainText = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string LabelText = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1035Text = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Why a name is not valid for a kind, or null when it is.</summary>
    public static string? Problem(string kind, string group, string name) => (kind, group) switch
    {
        ("Namespace", "") => Dns1123Label().IsMatch(name) && name.Length <= 63 ? null : LabelText,
        ("Service", "") => Dns1035Label().IsMatch(name) && name.Length <= 63 ? null : Dns1035Text,
        (_, "rbac.authorization.k8s.io") => name is "." or ".." || name.Contains('/') || name.Contains('%') ? "may not contain '/' or '%' and may not be '.' or '..'" : null,
        _ => Dns1123Subdomain().IsMatch(name) && name.Length <= 253 ? null : SubdomainText,
    };

    /// <summary>Why a label key or value is invalid, or null.</summary>
    public static string? LabelProblem(string key, string value)
    {
        var slash = key.LastIndexOf('/');
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        if (slash >= 0 && (!Dns1123Subdomain().IsMatch(key[..slash]) || slash > 253))
        {
            return $"prefix part {SubdomainText}";
        }
        if (name.Length is 0 or > 63 || !Qualified().IsMatch(name))
        {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        }
        if (value.Length > 63 || (value.Length > 0 && !Qualified().IsMatch(value)))
        {
            return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        }
        return null;
    }

    private const string GenerateAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix) =>
        prefix + new string(Enumerable.Range(0, 5).Select(_ => GenerateAlphabet[Random.Shared.Next(GenerateAlphabet.Length)]).ToArray());

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex Qualified();
}
