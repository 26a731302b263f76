namespace Sveltos.KubeSim.Api;

internal enum ProtoKind
{
    String,
    Bytes,
    Int64,

    /// <summary>A pointer integer (<c>optional int32</c>, e.g. replicas): present means set, even when zero.</summary>
    OptionalInt64,
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
/// "kubectl create namespace|configmap|secret|serviceaccount|deployment" and "kubectl auth can-i".
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

    private static readonly Dictionary<int, ProtoField> ResourceAttributes = Message(
        new(1, "namespace", ProtoKind.String), new(2, "verb", ProtoKind.String), new(3, "group", ProtoKind.String),
        new(4, "version", ProtoKind.String), new(5, "resource", ProtoKind.String), new(6, "subresource", ProtoKind.String),
        new(7, "name", ProtoKind.String));

    private static readonly Dictionary<int, ProtoField> NonResourceAttributes = Message(new(1, "path", ProtoKind.String), new(2, "verb", ProtoKind.String));

    private static readonly Dictionary<int, ProtoField> LabelSelector = Message(
        new(1, "matchLabels", ProtoKind.StringMap),
        new(2, "matchExpressions", ProtoKind.RepeatedMessage, Message(
            new(1, "key", ProtoKind.String), new(2, "operator", ProtoKind.String), new(3, "values", ProtoKind.RepeatedString))));

    // The container fields "kubectl create deployment" fills (name, image, command, ports); others are dropped.
    private static readonly Dictionary<int, ProtoField> Container = Message(
        new(1, "name", ProtoKind.String), new(2, "image", ProtoKind.String), new(3, "command", ProtoKind.RepeatedString),
        new(4, "args", ProtoKind.RepeatedString), new(5, "workingDir", ProtoKind.String),
        new(6, "ports", ProtoKind.RepeatedMessage, Message(
            new(1, "name", ProtoKind.String), new(2, "hostPort", ProtoKind.Int64), new(3, "containerPort", ProtoKind.Int64),
            new(4, "protocol", ProtoKind.String), new(5, "hostIP", ProtoKind.String))),
        new(7, "env", ProtoKind.RepeatedMessage, Message(new(1, "name", ProtoKind.String), new(2, "value", ProtoKind.String))),
        new(14, "imagePullPolicy", ProtoKind.String));

    private static readonly Dictionary<int, ProtoField> PodTemplateSpec = Message(
        new(1, "metadata", ProtoKind.Message, ObjectMeta),
        new(2, "spec", ProtoKind.Message, Message(
            new(2, "containers", ProtoKind.RepeatedMessage, Container), new(3, "restartPolicy", ProtoKind.String),
            new(7, "nodeSelector", ProtoKind.StringMap), new(8, "serviceAccountName", ProtoKind.String),
            new(20, "initContainers", ProtoKind.RepeatedMessage, Container))));

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
        ["SelfSubjectAccessReview"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta),
            new(2, "spec", ProtoKind.Message, Message(
                new(1, "resourceAttributes", ProtoKind.Message, ResourceAttributes),
                new(2, "nonResourceAttributes", ProtoKind.Message, NonResourceAttributes)))),
        ["SelfSubjectRulesReview"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta),
            new(2, "spec", ProtoKind.Message, Message(new ProtoField(1, "namespace", ProtoKind.String)))),
        ["Deployment"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta),
            new(2, "spec", ProtoKind.Message, Message(
                new(1, "replicas", ProtoKind.OptionalInt64), new(2, "selector", ProtoKind.Message, LabelSelector),
                new(3, "template", ProtoKind.Message, PodTemplateSpec),
                new(4, "strategy", ProtoKind.Message, Message(new ProtoField(1, "type", ProtoKind.String))),
                new(5, "minReadySeconds", ProtoKind.Int64), new(6, "revisionHistoryLimit", ProtoKind.OptionalInt64),
                new(7, "paused", ProtoKind.Bool), new(9, "progressDeadlineSeconds", ProtoKind.OptionalInt64)))),
        ["ServiceAccount"] = Message(
            new(1, "metadata", ProtoKind.Message, ObjectMeta), new(2, "secrets", ProtoKind.RepeatedMessage, NameReference),
            new(3, "imagePullSecrets", ProtoKind.RepeatedMessage, NameReference), new(4, "automountServiceAccountToken", ProtoKind.Bool)),
    };
}
