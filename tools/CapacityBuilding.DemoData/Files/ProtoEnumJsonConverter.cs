using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Reads a protobuf enum by its name in the proto (<c>STATE_APPROVED</c>), as the API's JSON
/// mapping writes it, so the envelope fields of the data files look like the resources inside them.
/// </summary>
public sealed class ProtoEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ValuesByProtoName = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(
            field => field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? field.Name,
            field => (TEnum)field.GetValue(null)!,
            StringComparer.Ordinal);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return name is not null && ValuesByProtoName.TryGetValue(name, out var value)
            ? value
            : throw new JsonException($"expected one of {string.Join(", ", ValuesByProtoName.Keys)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ValuesByProtoName.First(pair => pair.Value.Equals(value)).Key);
}
