using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// RFC 6902 JSON patch, the <c>replace</c> and <c>add</c> operations that k8s/ overlays use, with
/// RFC 6901 pointers (<c>~1</c> for '/', <c>~0</c> for '~'). Replacing a missing member fails, as
/// in Kustomize, so a patch cannot silently miss its field.
/// </summary>
internal static class JsonPatch
{
    public static void Apply(JsonObject document, JsonArray operations)
    {
        foreach (var operation in operations.Select(item => item!.AsObject()))
        {
            var op = operation["op"]!.GetValue<string>();
            var tokens = operation["path"]!.GetValue<string>().Split('/').Skip(1)
                .Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .ToList();
            var parent = tokens.SkipLast(1).Aggregate((JsonNode)document, Step);
            var last = tokens[^1];
            var value = operation["value"]?.DeepClone();

            if (op == "replace" && parent is JsonObject replaced && replaced.ContainsKey(last))
            {
                replaced[last] = value;
            }
            else if (op == "add" && parent is JsonObject added)
            {
                added[last] = value;
            }
            else if (op == "replace" && parent is JsonArray list && int.TryParse(last, out var index) && index < list.Count)
            {
                list[index] = value;
            }
            else if (op == "add" && parent is JsonArray appended && last == "-")
            {
                appended.Add(value);
            }
            else
            {
                throw new InvalidDataException($"JSON patch {operation.ToJsonString()} does not apply.");
            }
        }
    }

    private static JsonNode Step(JsonNode node, string token) => node switch
    {
        JsonObject map => map[token] ?? throw new InvalidDataException($"No member {token}."),
        JsonArray list => list[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)]!,
        _ => throw new InvalidDataException($"Cannot step into {token}."),
    };
}
