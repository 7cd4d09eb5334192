using System.Text.Json.Serialization;
using CapacityBuilding.Assistance.Requests;

namespace CapacityBuilding.Assistance.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAssistanceRequest))]
internal sealed partial class AssistanceJsonContext : JsonSerializerContext;
