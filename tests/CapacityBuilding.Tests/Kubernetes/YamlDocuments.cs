using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// YAML files read with YamlDotNet into <see cref="JsonNode"/> trees, which are easy to walk,
/// compare and patch. Every scalar stays a string ("5101", "true"), as written: the tests compare
/// what an operator reads, and Kubernetes itself types the values.
/// </summary>
internal static class YamlDocuments
{
    /// <summary>Every non-empty document of a (possibly multi-document) YAML text.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Where(document => document.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(document => ToJson(document.RootNode)!)
            .ToList();
    }

    public static IReadOnlyList<JsonNode> Load(string path) => Parse(File.ReadAllText(path));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
    };
}
