namespace Sveltos.Engine.Profiles;

/// <summary>The stable identifiers carried by <see cref="ProfileProblem.ErrorId"/>.</summary>
public static class ProfileErrorIds
{
    /// <summary>The text is not valid YAML/JSON, or a document is not a mapping.</summary>
    public const string MalformedYaml = "MalformedYaml";

    /// <summary>A document is not a ClusterProfile or Profile (the caller decides whether to skip it).</summary>
    public const string UnsupportedKind = "UnsupportedKind";

    /// <summary>A ClusterProfile/Profile uses an apiVersion other than config.projectsveltos.io/v1beta1.</summary>
    public const string UnsupportedApiVersion = "UnsupportedApiVersion";

    /// <summary>A required field is absent.</summary>
    public const string MissingProfileField = "MissingProfileField";

    /// <summary>A field has the wrong type, an unknown enum value, or a value out of range.</summary>
    public const string InvalidProfileField = "InvalidProfileField";

    /// <summary>A field given to the builder is not part of the Sveltos API.</summary>
    public const string UnknownProfileField = "UnknownProfileField";

    /// <summary>A cluster selector or a patch target's label selector is invalid.</summary>
    public const string InvalidSelector = "InvalidSelector";

    /// <summary>Two profiles of the same kind share a name (and namespace).</summary>
    public const string DuplicateProfileName = "DuplicateProfileName";

    /// <summary>A file could not be read.</summary>
    public const string ProfileFileUnreadable = "ProfileFileUnreadable";
}
