using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// A JSON value built from nothing but an OpenAPI schema, as a client generator would build it:
/// every writable property present, enums by their first real value, formats honoured. It tells
/// whether the document's shapes are what the services parse, not whether the values make sense.
/// </summary>
public sealed class SampleBodies(JsonObject document)
{
    // Messages that contain themselves would go on forever.
    private const int MaxDepth = 6;

    public JsonNode? For(JsonNode schema, int depth = 0)
    {
        var resolved = Resolve(schema);
        if (resolved["allOf"] is JsonArray parts && resolved["properties"] is null)
        {
            return For(parts[0]!, depth);
        }

        if (resolved["enum"] is JsonArray values)
        {
            var names = values.Select(value => value!.GetValue<string>()).ToList();
            return names.FirstOrDefault(name => !name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)) ?? names[0];
        }

        var type = resolved["type"]?.GetValue<string>();
        var format = resolved["format"]?.GetValue<string>();
        return type switch
        {
            "object" when depth >= MaxDepth => new JsonObject(),
            "object" => Object(resolved, depth),
            "array" => new JsonArray(For(resolved["items"]!, depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "string" => format switch
            {
                "date-time" => "2026-01-01T00:00:00Z",
                "int64" or "uint64" => "1",
                "byte" => "AAEC",
                _ when resolved["pattern"]?.GetValue<string>().EndsWith("s$", StringComparison.Ordinal) == true => "1.5s",
                _ => "sample",
            },
            _ => "sample",
        };
    }

    private JsonObject Object(JsonObject schema, int depth)
    {
        var sample = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            var exclusive = ExclusivePairs(schema);
            foreach (var (name, property) in properties)
            {
                var readOnly = Resolve(property!)["readOnly"]?.GetValue<bool>() == true || property!["readOnly"]?.GetValue<bool>() == true;
                var excluded = exclusive.Any(pair => pair.Contains(name) && pair.Any(sample.ContainsKey));
                if (!readOnly && !excluded)
                {
                    sample[name] = For(property!, depth + 1);
                }
            }
        }
        else if (schema["additionalProperties"] is JsonObject values)
        {
            sample["key"] = For(values, depth + 1);
        }

        return sample;
    }

    /// <summary>The properties a schema forbids together (<c>allOf: [{not: {required: [a, b]}}]</c>, a proto oneof).</summary>
    private static List<string[]> ExclusivePairs(JsonObject schema) =>
    [
        .. (schema["allOf"] as JsonArray ?? [])
            .Select(part => part?["not"]?["required"] as JsonArray)
            .OfType<JsonArray>()
            .Select(pair => pair.Select(name => name!.GetValue<string>()).ToArray()),
    ];

    private JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        while (current["$ref"]?.GetValue<string>() is { } reference)
        {
            current = document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject();
        }

        return current;
    }
}
