using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// The proto3 JSON mapping of scalars and of the well-known types that JSON writes as something
/// other than an object (https://protobuf.dev/programming-guides/json/). google.type.Date and
/// google.type.Money are ordinary messages (<c>{"year", "month", "day"}</c>,
/// <c>{"currencyCode", "units", "nanos"}</c>) and are described like ours.
/// </summary>
public static class WellKnownTypes
{
    /// <summary>Fields the services parse from the query string as one value although they are messages.</summary>
    public static bool IsScalarInJson(MessageDescriptor message) => message.FullName is
        "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask"
        or "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" or "google.protobuf.Int64Value"
        or "google.protobuf.UInt64Value" or "google.protobuf.Int32Value" or "google.protobuf.UInt32Value"
        or "google.protobuf.BoolValue" or "google.protobuf.StringValue" or "google.protobuf.BytesValue";

    /// <summary>Messages whose fields are not known in advance (Struct, Value, Any...): never spread over query parameters.</summary>
    public static bool IsOpaque(MessageDescriptor message) =>
        message.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) && SchemaOf(message.FullName) is not null;

    public static JsonNode? SchemaOf(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "RFC 3339, UTC with a `Z`, e.g. `2026-03-01T09:30:00Z`." },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$", ["description"] = "Seconds with an `s`, e.g. `1.5s`." },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["description"] = "Comma-separated field paths in lowerCamelCase, e.g. `title,description`." },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("@type"),
            ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
            ["additionalProperties"] = true,
        },
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" => Nullable(Scalar(FieldType.Double)),
        "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" => Nullable(Scalar(FieldType.Int64)),
        "google.protobuf.Int32Value" => Nullable(Scalar(FieldType.Int32)),
        "google.protobuf.UInt32Value" => Nullable(Scalar(FieldType.UInt32)),
        "google.protobuf.BoolValue" => Nullable(Scalar(FieldType.Bool)),
        "google.protobuf.StringValue" => Nullable(Scalar(FieldType.String)),
        "google.protobuf.BytesValue" => Nullable(Scalar(FieldType.Bytes)),
        _ => null,
    };

    public static JsonObject Scalar(FieldType type) => type switch
    {
        FieldType.Double => new JsonObject { ["type"] = "number", ["format"] = "double" },
        FieldType.Float => new JsonObject { ["type"] = "number", ["format"] = "float" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int64", ["minimum"] = 0, ["maximum"] = uint.MaxValue },
        // WriteInt64sAsStrings: JavaScript numbers cannot hold every 64-bit integer.
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new JsonObject { ["type"] = "string", ["format"] = "int64", ["pattern"] = "^-?[0-9]+$" },
        FieldType.UInt64 or FieldType.Fixed64 => new JsonObject { ["type"] = "string", ["format"] = "uint64", ["pattern"] = "^[0-9]+$" },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a scalar field type."),
    };

    private static JsonObject Nullable(JsonObject schema)
    {
        schema["nullable"] = true;
        return schema;
    }
}
