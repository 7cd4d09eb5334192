using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Reads a protobuf message embedded in a System.Text.Json document with Protobuf's own JSON
/// parser, so the data files use the API's JSON mapping (camelCase fields, enum names, int64 as
/// strings) exactly as the REST gateway does.
/// </summary>
public sealed class ProtoJsonConverter<TMessage> : JsonConverter<TMessage>
    where TMessage : IMessage<TMessage>, new()
{
    public override TMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var element = JsonDocument.ParseValue(ref reader);
        try
        {
            return JsonParser.Default.Parse<TMessage>(element.RootElement.GetRawText());
        }
        catch (InvalidProtocolBufferException e)
        {
            // A JsonException gets the document path added by the serializer, which names the entry.
            throw new JsonException($"not a valid {typeof(TMessage).Name}: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TMessage value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonFormatter.Default.Format(value));
}
