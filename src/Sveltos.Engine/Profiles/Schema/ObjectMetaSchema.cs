using Sveltos.Engine.Selection;

namespace Sveltos.Engine.Profiles.Schema;

/// <summary>
/// metadata (Kubernetes ObjectMeta) as documents hold it: the fields people write, and those the API server
/// writes, which a file saved with <c>kubectl get -o yaml</c> or an object read from a cluster carries.
/// </summary>
internal static class ObjectMetaSchema
{
    private static readonly string[] ServerWrittenNames =
    [
        "generateName", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "ownerReferences", "finalizers", "managedFields",
    ];

    /// <summary>The ObjectMeta schema, with <paramref name="namespaceCheck"/> for metadata.namespace.</summary>
    public static ObjectSchema For(Func<string, string?>? namespaceCheck) => new(
    [
        new SchemaField("name", FieldKind.String) { Required = true, Check = LabelSyntax.CheckDnsSubdomain },
        new SchemaField("namespace", FieldKind.String) { Check = namespaceCheck },
        new SchemaField("labels", FieldKind.StringMap) { Check = LabelSyntax.CheckKey },
        new SchemaField("annotations", FieldKind.StringMap) { Check = LabelSyntax.CheckKey },
        .. ServerWrittenNames.Select(name => new SchemaField(name, FieldKind.Any) { ServerWritten = true }),
    ]);

    /// <summary>status: written by controllers, kept as read and never checked.</summary>
    public static SchemaField Status { get; } = new("status", FieldKind.Any) { ServerWritten = true };
}
