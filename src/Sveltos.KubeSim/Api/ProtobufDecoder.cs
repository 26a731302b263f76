using System.Text;
using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Api;

/// <summary>
/// Decodes Kubernetes protobuf request bodies ("k8s\0" + runtime.Unknown envelope) into JSON for the kinds in
/// <see cref="ProtobufSchemas"/>; empty and zero fields are dropped as Go's omitempty does.
/// </summary>
internal static class ProtobufDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    public static bool IsProtobuf(string? contentType) => contentType?.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase) == true;

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4 || !body[..4].SequenceEqual("k8s\0"u8))
        {
            throw ApiException.BadRequest("protobuf body is missing the k8s envelope");
        }
        string apiVersion = "", kind = "";
        var raw = ReadOnlySpan<byte>.Empty;
        var reader = new Reader(body[4..].ToArray());
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1 && wire == 2)
            {
                var typeMeta = new Reader(reader.Bytes().ToArray());
                while (typeMeta.Next(out var n, out var w))
                {
                    if (w != 2)
                    {
                        typeMeta.Skip(w);
                        continue;
                    }
                    var text = Encoding.UTF8.GetString(typeMeta.Bytes());
                    (apiVersion, kind) = n == 1 ? (text, kind) : (apiVersion, text);
                }
            }
            else if (number == 2 && wire == 2)
            {
                raw = reader.Bytes();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        if (!ProtobufSchemas.Kinds.TryGetValue(kind, out var schema))
        {
            throw new ApiException(415, "UnsupportedMediaType",
                $"KubeSim decodes protobuf only for {string.Join(", ", ProtobufSchemas.Kinds.Keys)}; send {kind} as JSON (for example kubectl apply -f)");
        }
        var obj = DecodeMessage(raw.ToArray(), schema);
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            result[key] = value;
        }
        return result;
    }

    private static JsonObject DecodeMessage(byte[] bytes, IReadOnlyDictionary<int, ProtoField> schema)
    {
        var obj = new JsonObject();
        var reader = new Reader(bytes);
        while (reader.Next(out var number, out var wire))
        {
            if (!schema.TryGetValue(number, out var field))
            {
                reader.Skip(wire);
                continue;
            }
            switch (field.Kind)
            {
                case ProtoKind.String:
                    SetIfPresent(obj, field.Name, Encoding.UTF8.GetString(reader.Bytes()));
                    break;
                case ProtoKind.Bytes:
                    SetIfPresent(obj, field.Name, Convert.ToBase64String(reader.Bytes()));
                    break;
                case ProtoKind.Int64:
                    var number64 = (long)reader.Varint();
                    if (number64 != 0)
                    {
                        obj[field.Name] = number64;
                    }
                    break;
                case ProtoKind.OptionalInt64:
                    obj[field.Name] = (long)reader.Varint();
                    break;
                case ProtoKind.Bool:
                    obj[field.Name] = reader.Varint() != 0;
                    break;
                case ProtoKind.Time:
                    var time = DecodeTime(reader.Bytes());
                    if (time is not null)
                    {
                        obj[field.Name] = time;
                    }
                    break;
                case ProtoKind.Message:
                    var child = DecodeMessage(reader.Bytes().ToArray(), field.Message!);
                    if (child.Count > 0)
                    {
                        obj[field.Name] = child;
                    }
                    break;
                case ProtoKind.StringMap or ProtoKind.BytesMap:
                    var (key, value) = DecodeMapEntry(reader.Bytes(), field.Kind == ProtoKind.BytesMap);
                    var map = obj[field.Name] as JsonObject ?? new JsonObject();
                    map[key] = value;
                    obj[field.Name] = map;
                    break;
                case ProtoKind.RepeatedString:
                    Append(obj, field.Name, JsonValue.Create(Encoding.UTF8.GetString(reader.Bytes())));
                    break;
                case ProtoKind.RepeatedMessage:
                    Append(obj, field.Name, DecodeMessage(reader.Bytes().ToArray(), field.Message!));
                    break;
            }
        }
        return obj;
    }

    private static void SetIfPresent(JsonObject obj, string name, string value)
    {
        if (value.Length > 0)
        {
            obj[name] = value;
        }
    }

    private static void Append(JsonObject obj, string name, JsonNode item)
    {
        var list = obj[name] as JsonArray ?? new JsonArray();
        list.Add(item);
        obj[name] = list;
    }

    private static (string Key, string Value) DecodeMapEntry(ReadOnlySpan<byte> bytes, bool binaryValue)
    {
        var reader = new Reader(bytes.ToArray());
        string key = "", value = "";
        while (reader.Next(out var number, out var wire))
        {
            if (wire != 2)
            {
                reader.Skip(wire);
                continue;
            }
            var data = reader.Bytes();
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(data);
            }
            else
            {
                value = binaryValue ? Convert.ToBase64String(data) : Encoding.UTF8.GetString(data);
            }
        }
        return (key, value);
    }

    private static string? DecodeTime(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes.ToArray());
        long seconds = 0;
        while (reader.Next(out var number, out var wire))
        {
            if (number == 1 && wire == 0)
            {
                seconds = (long)reader.Varint();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A protobuf wire-format reader over a byte array.</summary>
    private ref struct Reader(byte[] data)
    {
        private int _position;

        public bool Next(out int number, out int wire)
        {
            if (_position >= data.Length)
            {
                (number, wire) = (0, 0);
                return false;
            }
            var tag = Varint();
            (number, wire) = ((int)(tag >> 3), (int)(tag & 7));
            return true;
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= data.Length)
                {
                    throw ApiException.BadRequest("truncated protobuf body");
                }
                var b = data[_position++];
                result |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }
            throw ApiException.BadRequest("malformed protobuf varint");
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = (int)Varint();
            if (length < 0 || _position + length > data.Length)
            {
                throw ApiException.BadRequest("truncated protobuf body");
            }
            var span = data.AsSpan(_position, length);
            _position += length;
            return span;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    Varint();
                    break;
                case 1:
                    _position += 8;
                    break;
                case 2:
                    Bytes();
                    break;
                case 5:
                    _position += 4;
                    break;
                default:
                    throw ApiException.BadRequest($"unsupported protobuf wire type {wire}");
            }
        }
    }
}
