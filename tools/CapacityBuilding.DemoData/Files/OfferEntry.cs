using System.Text.Json.Serialization;
using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// An entry of <c>offers.json</c>: an offer on the request with key <c>requestKey</c> (approved or
/// in delivery), of seats in the session with key <c>sessionKey</c> or of money from the pledge with
/// key <c>pledgeKey</c> (the loader fills in the names), expiring <c>expiresInDays</c> after it is
/// made, and the requesting state's answer, if any (with the reason a decline needs).
/// </summary>
public sealed record OfferEntry(
    string Key,
    string RequestKey,
    [property: JsonConverter(typeof(ProtoJsonConverter<Offer>))] Offer Offer,
    int ExpiresInDays,
    string? SessionKey = null,
    string? PledgeKey = null,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OfferAnswer>))] OfferAnswer Answer = OfferAnswer.None,
    string? Reason = null);

/// <summary>The requesting state's answer to a demo offer.</summary>
public enum OfferAnswer
{
    [JsonStringEnumMemberName("ANSWER_NONE")]
    None,

    [JsonStringEnumMemberName("ANSWER_ACCEPT")]
    Accept,

    [JsonStringEnumMemberName("ANSWER_DECLINE")]
    Decline,
}
