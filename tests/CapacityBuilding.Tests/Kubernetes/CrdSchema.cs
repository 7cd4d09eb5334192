using System.Globalization;
using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// An object held against a CRD's structural schema as the API server holds it: a field the
/// schema does not know is pruned without a word (so a misspelt or newer field silently does
/// nothing), a missing required field or a value of the wrong type or outside the enum is refused.
/// Scalars are compared by what they parse as, since <see cref="YamlDocuments"/> keeps them as text.
/// </summary>
internal static class CrdSchema
{
    public static IEnumerable<string> Violations(JsonNode item, JsonNode schema) => Violations(item, schema, "");

    private static IEnumerable<string> Violations(JsonNode? value, JsonNode schema, string path)
    {
        if (value is null || Flag(schema, "x-kubernetes-preserve-unknown-fields") && schema["properties"] is null)
        {
            return [];
        }

        var violations = (schema["type"]?.GetValue<string>()) switch
        {
            "object" => ObjectViolations(value, schema, path),
            "array" => value is JsonArray items
                ? items.SelectMany((item, index) => Violations(item, schema["items"]!, $"{path}[{index}]"))
                : [$"{path}: an array is expected."],
            { } type => ScalarViolations(value, type, path),
            null => [],
        };

        if (schema["enum"] is JsonArray allowed && value is JsonValue && !allowed.Any(option => option!.GetValue<string>() == value.GetValue<string>()))
        {
            violations = violations.Append($"{path}: \"{value.GetValue<string>()}\" is not one of {string.Join(", ", allowed)}.");
        }

        return violations;
    }

    private static IEnumerable<string> ObjectViolations(JsonNode value, JsonNode schema, string path)
    {
        if (value is not JsonObject fields)
        {
            return [$"{path}: an object is expected."];
        }

        // The API server validates metadata as ObjectMeta itself; the CRDs only say "object".
        if (path == ".metadata")
        {
            return [];
        }

        var properties = schema["properties"]?.AsObject();
        var additional = schema["additionalProperties"];
        var missing = schema["required"]?.AsArray().Select(name => name!.GetValue<string>()).Where(name => fields[name] is null)
            .Select(name => $"{path}.{name}: required.") ?? [];
        return missing.Concat(fields.SelectMany(field =>
        {
            var fieldPath = $"{path}.{field.Key}";
            if (properties?[field.Key] is { } property)
            {
                return Violations(field.Value, property, fieldPath);
            }

            return additional switch
            {
                JsonObject additionalSchema => Violations(field.Value, additionalSchema, fieldPath),
                JsonValue open when open.GetValue<string>() == "true" => [],
                _ when Flag(schema, "x-kubernetes-preserve-unknown-fields") => [],
                _ => [$"{fieldPath}: not in the schema (the API server would drop it)."],
            };
        }));
    }

    private static IEnumerable<string> ScalarViolations(JsonNode value, string type, string path)
    {
        if (value is not JsonValue)
        {
            return [$"{path}: a {type} is expected."];
        }

        var text = value.GetValue<string>();
        var valid = type switch
        {
            "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => text is "true" or "false",
            _ => true,
        };
        return valid ? [] : [$"{path}: \"{text}\" is not of type {type}."];
    }

    private static bool Flag(JsonNode schema, string name) => schema[name]?.GetValue<string>() == "true";
}
