namespace Sveltos.Engine.Classify;

/// <summary>The stable identifiers of classifier problems and classification errors.</summary>
public static class ClassifierErrorIds
{
    /// <summary>A required classifier field is absent.</summary>
    public const string MissingClassifierField = "MissingClassifierField";

    /// <summary>A classifier field has the wrong type or an invalid value.</summary>
    public const string InvalidClassifierField = "InvalidClassifierField";

    /// <summary>A field given to the builder is not part of the Classifier API.</summary>
    public const string UnknownClassifierField = "UnknownClassifierField";

    /// <summary>A version (in a constraint) is not a Kubernetes version.</summary>
    public const string InvalidKubernetesVersion = "InvalidKubernetesVersion";

    /// <summary>A constraint's comparison is not one of the six Sveltos defines.</summary>
    public const string UnknownVersionComparison = "UnknownVersionComparison";

    /// <summary>A Lua script (evaluate, aggregatedClassification) does not compile.</summary>
    public const string InvalidLuaScript = "InvalidLuaScript";

    /// <summary>A Lua script failed, returned no verdict, or ran past its time or memory limit on a cluster.</summary>
    public const string LuaScriptFailed = "LuaScriptFailed";

    /// <summary>Two classifiers share a name.</summary>
    public const string DuplicateClassifierName = "DuplicateClassifierName";

    /// <summary>A classifier matches a cluster but another classifier (or someone else) owns one of its label keys there.</summary>
    public const string ClassifierLabelConflict = "ClassifierLabelConflict";

    /// <summary>A cluster could not be classified (unreachable, a request failed).</summary>
    public const string ClassificationFailed = "ClassificationFailed";
}
