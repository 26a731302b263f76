namespace Sveltos.KubeSim.Api;

internal enum ProtoKind
{
    String,
    Bytes,
    Int64,
    Bool,
    Time,
    Message,
    StringMap,
    BytesMap,
    RepeatedString,
    RepeatedMessage,
}

/// <summary>One field of a Kubernetes protobuf message: its number, JSON name and how to decode it.</summary>
internal sealed record ProtoField(int Number, string Name, ProtoKind Kind, IReadOnlyDictionary<int, ProtoField>? Message = null);

/// <summary>
/// The protobuf layouts (from the API's generated.proto) of the kinds kubectl's typed clients send as protobuf from
/// "kubectl create namespace|configmap|secret|serviceaccount".
/// </summary>
internal static class ProtobufSchemas
{
    private static Dictionary<int, ProtoField> Message(params ProtoField[] fields) => fields.ToDictionary(f => f.Number);

    private static readonly Dictionary<int, ProtoField> OwnerReference = Message(
        new(1, "kind", ProtoKind.String), new(3, "name", ProtoKind.String), new(4, "uid", ProtoKind.String),
        new(5, "apiVersion", ProtoKind.String), new(6, "controller", ProtoKind.Bool), new(7, "blockOwnerDeletion", ProtoKind.Bool));

    private static readonly Dictionary<int, ProtoField> ObjectMeta = Message(
        new(1, "name", ProtoKind.String), new(2, "generateName", ProtoKind.String), new(3, "namespace", ProtoKind.String),
        new(5, "uid", ProtoKind.String), new(6, "resourceVersion", ProtoKind.String), new(7, "generation", ProtoKind.Int64),
        new(8, "creationTimestamp", ProtoKind.Time), new(11, "labels", ProtoKind.StringMap), new(12, "annotations", ProtoKind.StringMap),
        new(13, "ownerReferences", ProtoKind.RepeatedMessage, OwnerReference), new(14, "finalizers", ProtoKind.RepeatedString));

    private static readonly Dictionary<int, ProtoField> NameReference = Message(new ProtoField(1, "name", ProtoKind.String));

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, ProtoField>> Kinds = new Dictionary<string, IReadOnlyDictionary<int, ProtoField>>
    {
        ["Namespace"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta),
            new(2, "spec", ProtoKind.Message, Message(new ProtoField(1, "finalizers", ProtoKind.RepeatedString)))),
        ["ConfigMap"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta), new(2, "data", ProtoKind.StringMap),
            new(3, "binaryData", ProtoKind.BytesMap), new(4, "immutable", ProtoKind.Bool)),
        ["Secret"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta), new(2, "data", ProtoKind.BytesMap), new(3, "type", ProtoKind.String),
            new(4, "stringData", ProtoKind.StringMap), new(5, "immutable", ProtoKind.Bool)),
        ["ServiceAccount"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta), new(2, "secrets", ProtoKind.RepeatedMessage, NameReference),
            new(3, "imagePullSecrets", ProtoKind.RepeatedMessage, NameReference), new(4, "automountServiceAccountToken", ProtoKind.Bool)),
    };
}
