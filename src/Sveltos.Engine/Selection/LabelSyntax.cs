using System.Text.RegularExpressions;

namespace Sveltos.Engine.Selection;

/// <summary>Kubernetes naming rules for label keys, label values and object names.</summary>
public static partial class LabelSyntax
{
    private const int NameMaxLength = 63;
    private const int SubdomainMaxLength = 253;

    /// <summary>Returns why <paramref name="key"/> is not a valid label key, or null when it is.</summary>
    public static string? CheckKey(string key)
    {
        var slash = key.IndexOf('/');
        var name = key;
        if (slash >= 0)
        {
            var prefix = key[..slash];
            name = key[(slash + 1)..];
            if (name.Contains('/'))
            {
                return $"invalid label key '{key}': a key is a name with an optional DNS subdomain prefix and one '/' (e.g. 'example.com/my-name')";
            }

            if (prefix.Length == 0)
            {
                return $"invalid label key '{key}': the prefix before '/' must not be empty";
            }

            if (CheckDnsSubdomain(prefix) is not null)
            {
                return $"invalid label key '{key}': the prefix '{prefix}' must be a lowercase DNS subdomain of at most {SubdomainMaxLength} characters";
            }
        }

        if (name.Length == 0)
        {
            return $"invalid label key '{key}': the name part must not be empty";
        }

        if (name.Length > NameMaxLength)
        {
            return $"invalid label key '{key}': the name part must be at most {NameMaxLength} characters";
        }

        return QualifiedNamePart().IsMatch(name)
            ? null
            : $"invalid label key '{key}': the name part must start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'";
    }

    /// <summary>Returns why <paramref name="value"/> is not a valid label value, or null when it is. Empty is valid.</summary>
    public static string? CheckValue(string value)
    {
        if (value.Length > NameMaxLength)
        {
            return $"invalid label value '{value}': must be at most {NameMaxLength} characters";
        }

        return value.Length == 0 || QualifiedNamePart().IsMatch(value)
            ? null
            : $"invalid label value '{value}': must be empty or start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'";
    }

    /// <summary>Returns why <paramref name="name"/> is not a DNS-1123 subdomain (the rule for most object names), or null.</summary>
    public static string? CheckDnsSubdomain(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > SubdomainMaxLength)
        {
            return $"must be at most {SubdomainMaxLength} characters";
        }

        return DnsSubdomain().IsMatch(name)
            ? null
            : "must be a lowercase DNS subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit";
    }

    /// <summary>Returns why <paramref name="name"/> is not a DNS-1123 label (the rule for namespaces), or null.</summary>
    public static string? CheckDnsLabel(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > NameMaxLength)
        {
            return $"must be at most {NameMaxLength} characters";
        }

        return DnsLabel().IsMatch(name)
            ? null
            : "must be a lowercase DNS label: letters a-z, digits and '-', starting and ending with a letter or digit";
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
