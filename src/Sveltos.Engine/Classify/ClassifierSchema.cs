using Sveltos.Engine.Profiles.Schema;
using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Classify;

/// <summary>
/// The Classifier v1beta1 API (lib.projectsveltos.io), as libsveltos defines it. A field not listed here is refused
/// wherever it appears, as for profiles. Version constraints are checked by <see cref="ClassifierValidator"/> so
/// that their problems carry their own ErrorIds.
/// </summary>
internal static class ClassifierSchema
{
    public const string ApiVersion = "lib.projectsveltos.io/v1beta1";
    public const string Kind = "Classifier";

    public static readonly string[] LabelFilterOperations = ["Equal", "Different", "Has", "DoesNotHave"];

    public static readonly ObjectSchema ClassifierLabel = new(
        new SchemaField("key", FieldKind.String) { Required = true, NotEmpty = true, Check = LabelSyntax.CheckKey },
        new SchemaField("value", FieldKind.String) { Required = true, Check = LabelSyntax.CheckValue });

    public static readonly ObjectSchema VersionConstraint = new(
        new SchemaField("version", FieldKind.String) { Required = true },
        new SchemaField("comparison", FieldKind.String) { Required = true });

    public static readonly ObjectSchema LabelFilter = new(
        new SchemaField("key", FieldKind.String) { Required = true, NotEmpty = true },
        new SchemaField("operation", FieldKind.String) { Required = true, Allowed = LabelFilterOperations },
        new SchemaField("value", FieldKind.String));

    public static readonly ObjectSchema ResourceSelector = new(
        new SchemaField("group", FieldKind.String),
        new SchemaField("version", FieldKind.String) { Required = true, NotEmpty = true },
        new SchemaField("kind", FieldKind.String) { Required = true, NotEmpty = true },
        new SchemaField("namespace", FieldKind.String),
        new SchemaField("name", FieldKind.String),
        new SchemaField("labelFilters", FieldKind.ObjectList) { Item = LabelFilter },
        new SchemaField("selector", FieldKind.SelectorString),
        new SchemaField("evaluate", FieldKind.String),
        new SchemaField("evaluateCEL", FieldKind.Any));

    public static readonly ObjectSchema DeployedResourceConstraint = new(
        new SchemaField("resourceSelectors", FieldKind.ObjectList) { Required = true, Item = ResourceSelector },
        new SchemaField("aggregatedClassification", FieldKind.String));

    public static readonly ObjectSchema Spec = new(
        new SchemaField("classifierLabels", FieldKind.ObjectList) { Required = true, Item = ClassifierLabel },
        new SchemaField("kubernetesVersionConstraints", FieldKind.ObjectList) { Item = VersionConstraint },
        new SchemaField("deployedResourceConstraint", FieldKind.Object) { Item = DeployedResourceConstraint });

    public static readonly ObjectSchema Metadata = ObjectMetaSchema.For(namespaceCheck: null);

    public static readonly ObjectSchema Root = new(
        new SchemaField("apiVersion", FieldKind.String) { Required = true },
        new SchemaField("kind", FieldKind.String) { Required = true },
        new SchemaField("metadata", FieldKind.Object) { Required = true, Item = Metadata },
        new SchemaField("spec", FieldKind.Object) { Required = true, Item = Spec },
        ObjectMetaSchema.Status);
}
