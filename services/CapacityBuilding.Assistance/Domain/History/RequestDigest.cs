using System.Security.Cryptography;
using System.Text.Json;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// The digest a history entry records of the request as its change left it: lower-case hex
/// SHA-256 of the stored request's JSON (source-generated, fixed property order: the same bytes
/// for the same content) with the fields that are not the request's content blanked: the etag
/// and update time (they change with every write), the history head and length (they are the
/// chain itself), the course proposal (the matcher records it after the approval without a
/// history entry; it is a suggestion computed from the catalogue, not something anyone decided)
/// and the publication consent (the state may change it in any state, and no history action
/// stands for it; it records who decided and when itself). Blank, neither is written, so the
/// digests of requests stored before the consent existed are unchanged.
/// </summary>
public static class RequestDigest
{
    public static string Of(StoredAssistanceRequest request)
    {
        var content = request with
        {
            Etag = "",
            UpdateTime = default,
            HistoryLength = 0,
            HistoryHead = "",
            CourseProposal = null,
            PublicationConsent = null,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, AssistanceJsonContext.Default.StoredAssistanceRequest)));
    }
}
