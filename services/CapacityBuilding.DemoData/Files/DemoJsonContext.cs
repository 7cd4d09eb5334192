using System.Text.Json.Serialization;

namespace CapacityBuilding.DemoData.Files;

/// <summary>The data files' envelopes: camelCase, and a missing key or resource is an error.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(IReadOnlyList<CourseEntry>))]
[JsonSerializable(typeof(IReadOnlyList<AssistanceRequestEntry>))]
[JsonSerializable(typeof(IReadOnlyList<DonorEntry>))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
