using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sveltos.Engine.Classify;

/// <summary>
/// A Kubernetes version as clusters report it (<c>v1.29.4</c>, <c>v1.30.1+k3s1</c>, <c>v1.28.3-eks-4f4795d</c>)
/// or as a classifier states it (<c>1.28.0</c>, <c>v1.28</c>). Compared semantically on major.minor.patch.
/// Build metadata (<c>+k3s1</c>) and distribution tags (<c>-eks-4f4795d</c>, <c>-gke.100</c>) do not take part:
/// they name who built the release, not an earlier one, so <c>v1.28.3-eks-4f4795d</c> equals <c>1.28.3</c>.
/// Kubernetes' own pre-releases (<c>-alpha.1</c>, <c>-beta.2</c>, <c>-rc.0</c>) come before their release, as in SemVer.
/// </summary>
public sealed partial class KubernetesVersion : IComparable<KubernetesVersion>, IEquatable<KubernetesVersion>
{
    private KubernetesVersion(int major, int minor, int patch, string? preRelease, string original)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Original = original;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>The pre-release (<c>rc.1</c>), or null for a release; distribution tags are not pre-releases.</summary>
    public string? PreRelease { get; }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    public static KubernetesVersion Parse(string text) =>
        TryParse(text, out var version, out var problem)
            ? version
            : throw new SveltosException(ClassifierErrorIds.InvalidKubernetesVersion, ErrorKind.InvalidArgument, problem, text, "Write the version as major.minor.patch, e.g. 1.28.0 or v1.28.0.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out KubernetesVersion? version, [NotNullWhen(false)] out string? problem)
    {
        version = null;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            problem = $"'{text}' is not a Kubernetes version such as 1.28.0, v1.29.4 or v1.30.1+k3s1";
            return false;
        }

        if (!int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(match.Groups["patch"].Success ? match.Groups["patch"].Value : "0", NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            problem = $"'{text}' has a version number too large to compare";
            return false;
        }

        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var preRelease = tag is not null && KubernetesPreRelease().IsMatch(tag) ? tag : null;
        version = new KubernetesVersion(major, minor, patch, preRelease, text!);
        problem = null;
        return true;
    }

    public int CompareTo(KubernetesVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byNumber = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumber != 0)
        {
            return byNumber;
        }

        return (PreRelease, other.PreRelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (mine, theirs) => ComparePreRelease(mine, theirs),
        };
    }

    public bool Equals(KubernetesVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as KubernetesVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, PreRelease);

    /// <summary>The canonical form, e.g. <c>v1.28.0</c> or <c>v1.30.0-rc.1</c>.</summary>
    public override string ToString() => PreRelease is null ? $"v{Major}.{Minor}.{Patch}" : $"v{Major}.{Minor}.{Patch}-{PreRelease}";

    // SemVer: dot-separated identifiers, numeric ones compared as numbers and before alphanumeric ones.
    private static int ComparePreRelease(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = long.TryParse(left[i], NumberStyles.None, CultureInfo.InvariantCulture, out var l);
            var rightNumeric = long.TryParse(right[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r);
            var order = (leftNumeric, rightNumeric) switch
            {
                (true, true) => l.CompareTo(r),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    [GeneratedRegex(@"^v?(?<major>[0-9]+)\.(?<minor>[0-9]+)(\.(?<patch>[0-9]+))?(-(?<tag>[0-9A-Za-z][0-9A-Za-z.-]*))?(\+(?<build>[0-9A-Za-z][0-9A-Za-z.-]*))?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(alpha|beta|rc)(\.[0-9]+)*$")]
    private static partial Regex KubernetesPreRelease();
}
