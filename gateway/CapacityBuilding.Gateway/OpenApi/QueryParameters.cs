using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// The query parameters JSON transcoding reads: every field of the request that neither the path
/// nor the body carries, nested fields by their dotted JSON path (<c>filter.state</c>), repeated
/// ones by repeating the parameter. Maps and repeated messages cannot be sent in a query.
/// </summary>
public static class QueryParameters
{
    // Deep enough for every request of ours; stops a message that contains itself.
    private const int MaxDepth = 3;

    public static IEnumerable<JsonObject> Of(MessageDescriptor request, IReadOnlySet<string> boundFieldPaths, string body, ProtoJsonSchemas schemas)
    {
        if (body == "*")
        {
            return [];
        }

        var excluded = new HashSet<string>(boundFieldPaths, StringComparer.Ordinal);
        if (body.Length > 0)
        {
            excluded.Add(body);
        }

        var parameters = new List<JsonObject>();
        Add(request, "", "", excluded, schemas, parameters, depth: 0);
        return parameters;
    }

    private static void Add(MessageDescriptor message, string protoPrefix, string jsonPrefix, HashSet<string> excluded,
        ProtoJsonSchemas schemas, List<JsonObject> parameters, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var protoPath = protoPrefix + field.Name;
            var jsonPath = jsonPrefix + field.JsonName;
            if (excluded.Contains(protoPath) || field.IsMap)
            {
                continue;
            }

            var isMessage = field.FieldType == FieldType.Message && !WellKnownTypes.IsScalarInJson(field.MessageType);
            if (isMessage)
            {
                if (!field.IsRepeated && depth < MaxDepth && !WellKnownTypes.IsOpaque(field.MessageType))
                {
                    Add(field.MessageType, protoPath + ".", jsonPath + ".", excluded, schemas, parameters, depth + 1);
                }

                continue;
            }

            var parameter = new JsonObject
            {
                ["name"] = jsonPath,
                ["in"] = "query",
                ["schema"] = schemas.For(field),
            };
            if (field.IsRepeated)
            {
                parameter["style"] = "form";
                parameter["explode"] = true;
            }

            if (ProtoComments.Of(field.Declaration) is { } description)
            {
                parameter["description"] = description;
            }

            parameters.Add(parameter);
        }
    }
}
