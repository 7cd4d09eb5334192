using System.Text.Json.Serialization;
using CapacityBuilding.Assistance.Domain.Convention;
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
[JsonSerializable(typeof(StoredConventionStatus))]
[JsonSerializable(typeof(Contracts.Assistance.V1.ConventionStatus.Types.Status), TypeInfoPropertyName = "ConventionStatusStatus")]
internal sealed partial class AssistanceJsonContext : JsonSerializerContext;
