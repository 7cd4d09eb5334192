using System.Text.Json.Nodes;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// Google.Protobuf's own proto3 JSON parser, strict (unknown fields refused), over the compiled
/// contracts: the reference for what a documented body must be.
/// </summary>
public static class ProtoJson
{
    private static readonly TypeRegistry Types = TypeRegistry.FromFiles([.. SuiteContracts.Services.Select(service => service.File)]);

    private static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithTypeRegistry(Types));

    /// <summary>
    /// Why the proto refuses <paramref name="json"/> as the operation's body, or null. A body schema
    /// that names a component is that message; an inline one is the rpc's request (a body of <c>*</c>).
    /// </summary>
    public static string? Refusal(DocumentedOperation operation, JsonNode schema, string json)
    {
        var message = schema["$ref"]?.GetValue<string>() is { } reference
            ? Types.Find(reference[(reference.LastIndexOf('/') + 1)..])
            : RequestOf(operation.OperationId);
        if (message is null)
        {
            return "no such message in the contracts";
        }

        try
        {
            Strict.Parse(json, message);
            return null;
        }
        catch (InvalidProtocolBufferException refusal)
        {
            return refusal.Message;
        }
        catch (InvalidJsonException refusal)
        {
            return refusal.Message;
        }
    }

    /// <summary>The request message of <c>Service_Method</c> (or <c>Service_Method_2</c> for a second binding).</summary>
    private static MessageDescriptor? RequestOf(string operationId)
    {
        var parts = operationId.Split('_');
        return SuiteContracts.Services.FirstOrDefault(service => service.Name == parts[0])?.FindMethodByName(parts[1])?.InputType;
    }
}
