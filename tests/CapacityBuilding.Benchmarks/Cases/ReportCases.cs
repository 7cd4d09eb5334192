using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 15: the funding reports at one stored count of allocations, which must not grow with it:
/// the programme's summary (a coordinator's), one request's funding, a donor's own summary, and
/// the first page of a donor's listing of the requests it funds (the seeded donor funds them all).
/// Case 18 on the same data: the first page of the donor's open needs (every seeded request is one:
/// its budget is far from covered by the allocations of 1 USD, and the donor's pledge has no earmarks).
/// </summary>
internal static class ReportCases
{
    public static IReadOnlyList<BenchmarkCase> At(BenchmarkSuite suite, long allocations, string request, string donorId)
    {
        var funding = new FundingService.FundingServiceClient(suite.Funding);
        var donor = new FundingService.FundingServiceClient(suite.FundingAsDonor(donorId));
        var donorListing = new AssistanceService.AssistanceServiceClient(suite.AssistanceAsDonor(donorId));
        var label = ListingCases.Count((int)allocations);
        return
        [
            new($"15a@{label}", $"GetFundingSummary, {label} allocations", "client -> funding -> Redis (+ assistance: budgets)", async () => await funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())),
            new($"15b@{label}", $"GetRequestFunding, {label} allocations", "client -> funding -> Redis (+ assistance: the request)", async () => await funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request })),
            new($"15c@{label}", $"GetFundingSummary as a donor, {label} allocations", "client -> funding -> Redis (the donor's totals and budget sums)", async () => await donor.GetFundingSummaryAsync(new GetFundingSummaryRequest())),
            new($"15d@{label}", $"ListAssistanceRequests as a donor, {label} allocations", "client -> assistance -> funding -> Redis (the donor's funded requests)", async () => await donorListing.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest())),
            new($"18@{label}", $"ListOpenNeeds as a donor, {label} allocations", "client -> funding -> assistance (open requests by priority) + Redis (their totals)", async () => await donor.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = $"donors/{donorId}" })),
        ];
    }
}
