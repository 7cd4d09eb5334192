using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Paging;
using Grpc.Core;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// A donor's funded requests a page at a time, from the index the allocation scripts keep in the
/// same step as the money (<see cref="ReportTotals"/>): a page costs one range read whatever the
/// number of allocations, so the assistance service can list a donor's requests without reading
/// every allocation or every funded request.
/// </summary>
public sealed class FundedRequestsListing(
    RedisDonorRepository donors, RedisFundingTotalsRepository totals, DonorOwnership ownership, PageTokens pageTokens, ApiErrors errors)
{
    public async Task<ListFundedRequestsResponse> ListAsync(ListFundedRequestsRequest request, ServerCallContext context)
    {
        var donorId = FundingNames.Donor.Parse(request.Parent, "parent", errors).DonorId;
        ownership.EnsureVisible(context, donorId, FundingNames.Donor.ResourceType, request.Parent);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var scope = $"fundedRequests|{request.Parent}";
        var before = pageTokens.Decode(request.PageToken, scope);
        _ = await donors.GetAsync(donorId) ?? throw errors.NotFound(FundingNames.Donor.ResourceType, request.Parent);

        var ids = await totals.FundedRequestIdsAsync(donorId, pageSize + 1, before);
        var page = ids.Take(pageSize).ToList();
        return new ListFundedRequestsResponse
        {
            AssistanceRequests = { page.Select(id => FundingNames.AssistanceRequest.Format(id)) },
            NextPageToken = PageTokens.Encode(ids.Count > pageSize ? page[^1] : null, scope),
        };
    }
}
