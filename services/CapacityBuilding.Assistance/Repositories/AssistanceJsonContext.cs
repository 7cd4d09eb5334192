using System.Text.Json.Serialization;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Domain.Requests;

namespace CapacityBuilding.Assistance.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAssistanceRequest))]
[JsonSerializable(typeof(StoredHistoryEntry))]
[JsonSerializable(typeof(HistoryEntryContent))]
[JsonSerializable(typeof(HistoryEntryContentV1))]
[JsonSerializable(typeof(Contracts.Assistance.V1.Offer.Types.State), TypeInfoPropertyName = "OfferState")]
[JsonSerializable(typeof(StoredOffer))]
internal sealed partial class AssistanceJsonContext : JsonSerializerContext;
