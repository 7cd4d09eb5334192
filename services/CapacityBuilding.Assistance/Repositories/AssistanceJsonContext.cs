using System.Text.Json.Serialization;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Domain.Results;

namespace CapacityBuilding.Assistance.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAssistanceRequest))]
[JsonSerializable(typeof(StoredHistoryEntry))]
[JsonSerializable(typeof(HistoryEntryContent))]
[JsonSerializable(typeof(HistoryEntryContentV1))]
[JsonSerializable(typeof(StoredOutcome))]
internal sealed partial class AssistanceJsonContext : JsonSerializerContext;
