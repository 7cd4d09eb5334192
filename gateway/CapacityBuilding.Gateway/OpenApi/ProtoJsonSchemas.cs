using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// JSON schemas of proto messages as JSON transcoding reads and writes them (the proto3 JSON
/// mapping, with our settings): fields by their lowerCamel JSON names, enums by name, 64-bit
/// integers as strings, Timestamp as RFC 3339 text, Duration as <c>"1.5s"</c>, FieldMask as
/// comma-separated lowerCamel paths, wrappers as nullable values. Messages and enums become named
/// components (their full proto names), so client generators make one type per proto type.
/// </summary>
public sealed class ProtoJsonSchemas
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonNode> components = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonNode> Components => components;

    /// <summary>A reference to <paramref name="message"/>'s schema (or the schema itself for the types JSON maps to scalars).</summary>
    public JsonNode For(MessageDescriptor message)
    {
        if (WellKnownTypes.SchemaOf(message.FullName) is { } wellKnown)
        {
            return wellKnown;
        }

        if (!components.ContainsKey(message.FullName))
        {
            // Reserved before its fields are described, so that a message containing itself ends.
            components[message.FullName] = new JsonObject();
            components[message.FullName] = Describe(message, excluded: new HashSet<string>(StringComparer.Ordinal));
        }

        return Reference(message.FullName);
    }

    /// <summary>The schema of <paramref name="message"/> without the fields the path binds (a body of <c>"*"</c>).</summary>
    public JsonObject Without(MessageDescriptor message, IReadOnlySet<string> excluded) => Describe(message, excluded);

    public JsonNode For(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(value) };
        }

        var single = Single(field);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    public static JsonObject Reference(string componentName) => new() { ["$ref"] = ComponentPrefix + componentName };

    private JsonObject Describe(MessageDescriptor message, IReadOnlySet<string> excluded)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in message.Fields.InDeclarationOrder().Where(field => !excluded.Contains(field.Name)))
        {
            var behaviours = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? [];
            properties[field.JsonName] = Annotated(For(field), field, behaviours);
            if (behaviours.Contains(FieldBehavior.Required))
            {
                required.Add(field.JsonName);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        var oneofs = message.Oneofs.Where(oneof => !oneof.IsSynthetic).ToList();
        var description = ProtoComments.Of(message.Declaration);
        if (oneofs.Count > 0)
        {
            description = string.Join("\n\n", new[] { description }.Concat(oneofs.Select(oneof =>
                $"At most one of {string.Join(", ", oneof.Fields.Select(field => $"`{field.JsonName}`"))} is set.")).OfType<string>());
            if (ExclusivePairs(oneofs, excluded) is { Count: > 0 } pairs)
            {
                schema["allOf"] = pairs;
            }
        }

        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }

    /// <summary>
    /// A oneof as JSON Schema says "at most one": no two of its fields together. The transcoder
    /// refuses a body that sets two ("Multiple values specified for oneof").
    /// </summary>
    private static JsonArray ExclusivePairs(IEnumerable<OneofDescriptor> oneofs, IReadOnlySet<string> excluded)
    {
        var pairs = new JsonArray();
        foreach (var oneof in oneofs)
        {
            var fields = oneof.Fields.Where(field => !excluded.Contains(field.Name)).Select(field => field.JsonName).ToList();
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    pairs.Add(new JsonObject { ["not"] = new JsonObject { ["required"] = new JsonArray(fields[i], fields[j]) } });
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Field behaviour (AIP-203) as OpenAPI words: OUTPUT_ONLY is readOnly, INPUT_ONLY writeOnly.
    /// A <c>$ref</c> takes no siblings in OpenAPI 3.0, so an annotated reference is wrapped in <c>allOf</c>.
    /// </summary>
    private static JsonNode Annotated(JsonNode schema, FieldDescriptor field, IEnumerable<FieldBehavior> behaviours)
    {
        var annotations = new JsonObject();
        if (ProtoComments.Of(field.Declaration) is { } description)
        {
            annotations["description"] = description;
        }

        if (behaviours.Contains(FieldBehavior.OutputOnly))
        {
            annotations["readOnly"] = true;
        }

        if (behaviours.Contains(FieldBehavior.InputOnly))
        {
            annotations["writeOnly"] = true;
        }

        if (field.GetOptions()?.Deprecated == true)
        {
            annotations["deprecated"] = true;
        }

        if (annotations.Count == 0)
        {
            return schema;
        }

        var annotated = schema is JsonObject plain && !plain.ContainsKey("$ref")
            ? plain
            : new JsonObject { ["allOf"] = new JsonArray(schema) };
        foreach (var (key, value) in annotations.ToList())
        {
            annotations.Remove(key);
            annotated[key] = value;
        }

        return annotated;
    }

    private JsonNode Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => For(field.MessageType),
        FieldType.Enum => For(field.EnumType),
        _ => WellKnownTypes.Scalar(field.FieldType),
    };

    private JsonObject For(EnumDescriptor enumeration)
    {
        if (!components.ContainsKey(enumeration.FullName))
        {
            var schema = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. enumeration.Values.Select(value => JsonValue.Create(value.Name))]),
            };
            if (ProtoComments.Of(enumeration.Declaration) is { } description)
            {
                schema["description"] = description;
            }

            components[enumeration.FullName] = schema;
        }

        return Reference(enumeration.FullName);
    }
}
