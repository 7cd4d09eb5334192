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
[JsonSerializable(typeof(IReadOnlyList<OfferEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ConventionStatusEntry>))]
// The generator also walks the messages inside the entries (which ProtoJsonConverter reads);
// four of them nest an enum called State, so each gets a name of its own.
[JsonSerializable(typeof(Contracts.Assistance.V1.AssistanceRequest.Types.State), TypeInfoPropertyName = "AssistanceRequestState")]
[JsonSerializable(typeof(Contracts.Funding.V1.Pledge.Types.State), TypeInfoPropertyName = "PledgeState")]
[JsonSerializable(typeof(Contracts.Funding.V1.Allocation.Types.State), TypeInfoPropertyName = "AllocationState")]
[JsonSerializable(typeof(Contracts.Assistance.V1.Offer.Types.State), TypeInfoPropertyName = "OfferState")]
[JsonSerializable(typeof(Contracts.Assistance.V1.ConventionStatus.Types.Status), TypeInfoPropertyName = "ConventionStatusStatus")]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
