using System.Globalization;
using System.Text.RegularExpressions;
using Sveltos.Engine.Templates.Go;

namespace Sveltos.Engine.Helm.Rendering;

/// <summary><c>.Capabilities.KubeVersion</c>: Version ("v1.36.0"), Major, Minor, and the deprecated GitVersion.</summary>
public sealed partial class HelmKubeVersion : GoObject
{
    private HelmKubeVersion(string version, string major, string minor)
    {
        Version = version;
        Major = major;
        Minor = minor;
    }

    public string Version { get; }

    public string Major { get; }

    public string Minor { get; }

    /// <summary>
    /// Reads a version as <c>helm template --kube-version</c> does (chartutil.ParseKubeVersion over Masterminds
    /// semver): "1.30", "v1.30.2", "1.30.0-rc.1+k3s1"; missing parts are 0 and the result is written "v" + the semver.
    /// </summary>
    /// <exception cref="HelmException">InvalidKubeVersion.</exception>
    public static HelmKubeVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Loose().Match(text);
        if (!match.Success)
        {
            throw new HelmException(
                HelmRenderErrorIds.InvalidKubeVersion,
                ErrorKind.InvalidArgument,
                $"invalid kube version '{text}': Invalid Semantic Version",
                recommendedAction: "Give a Kubernetes version such as 1.30 or v1.30.2.");
        }

        var major = ulong.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var minor = match.Groups["minor"].Success ? ulong.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0;
        var patch = match.Groups["patch"].Success ? ulong.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture) : 0;
        var version = $"v{major}.{minor}.{patch}";
        if (match.Groups["pre"].Success)
        {
            version += "-" + match.Groups["pre"].Value;
        }

        if (match.Groups["meta"].Success)
        {
            version += "+" + match.Groups["meta"].Value;
        }

        return new HelmKubeVersion(version, major.ToString(CultureInfo.InvariantCulture), minor.ToString(CultureInfo.InvariantCulture));
    }

    public override string GoTypeName => "chartutil.KubeVersion";

    /// <summary>Go's %v of the struct value inside Capabilities (its String method has a pointer receiver).</summary>
    internal string StructText => $"{{{Version} {Major} {Minor}}}";

    public override bool TryGetField(string name, out object? value)
    {
        value = name switch
        {
            "Version" => Version,
            "Major" => Major,
            "Minor" => Minor,
            _ => null,
        };
        return value is not null;
    }

    public override GoMethod? GetMethod(string name) => name switch
    {
        "GitVersion" => new GoMethod(0, _ => Version),
        "String" => new GoMethod(0, _ => Version),
        _ => null,
    };

    /// <summary>Go's Stringer: the version, as <c>{{ .Capabilities.KubeVersion }}</c> prints it.</summary>
    public override string ToString() => Version;

    // Masterminds semver's loose form (NewVersion): optional "v", one to three numeric parts, prerelease, metadata.
    [GeneratedRegex(@"^v?(?<major>[0-9]+)(?:\.(?<minor>[0-9]+))?(?:\.(?<patch>[0-9]+))?(?:-(?<pre>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+(?<meta>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Loose();
}
