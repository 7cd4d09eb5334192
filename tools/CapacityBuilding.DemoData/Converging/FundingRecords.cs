using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.DemoData.Converging;

/// <summary>
/// The funding service's demo records (<see cref="DemoRecord{T}"/>): how each is created and found
/// again. Money records are not edited through the API (a changed amount is a new record of the
/// ledger), so an earlier version's is kept as it is.
/// </summary>
public sealed class FundingRecords(FundingService.FundingServiceClient funding)
{
    private const int PageSize = 100;

    public DemoRecord<Donor> Donor(string key, Donor content) => new(
        "donor", key, content,
        async (requestId, options) => (await funding.CreateDonorAsync(new() { Donor = content, RequestId = requestId }, options)).Donor,
        async (token, options) => DemoPages.Of(await funding.ListDonorsAsync(new() { PageToken = token, PageSize = PageSize }, options), page => page.Donors),
        earlier => earlier.DisplayName == content.DisplayName);

    /// <summary>A pledge of <paramref name="donor"/>, told apart from the donor's others by the period it is valid for.</summary>
    public DemoRecord<Pledge> Pledge(string key, string donor, Pledge content) => new(
        "pledge", key, content,
        async (requestId, options) => (await funding.CreatePledgeAsync(new() { Parent = donor, Pledge = content, RequestId = requestId }, options)).Pledge,
        async (token, options) => DemoPages.Of(await funding.ListPledgesAsync(new() { Parent = donor, PageToken = token, PageSize = PageSize }, options), page => page.Pledges),
        earlier => Equals(earlier.ValidFrom, content.ValidFrom) && Equals(earlier.ValidUntil, content.ValidUntil));

    /// <summary>Money paid in against <paramref name="pledge"/>, told apart by the day it was received.</summary>
    public DemoRecord<Contribution> Contribution(string key, string pledge, Contribution content) => new(
        "contribution", key, content,
        async (requestId, options) => (await funding.CreateContributionAsync(new() { Parent = pledge, Contribution = content, RequestId = requestId }, options)).Contribution,
        async (token, options) => DemoPages.Of(await funding.ListContributionsAsync(
            new() { Parent = pledge, PageToken = token, PageSize = PageSize }, options), page => page.Contributions),
        earlier => Equals(earlier.ReceivedDate, content.ReceivedDate));

    /// <summary>Money of a pledge for a request: the pledge's allocation to it (not a proposal an offer holds).</summary>
    public DemoRecord<Allocation> Allocation(string key, Allocation content) => new(
        "allocation", key, content,
        async (requestId, options) => (await funding.CreateAllocationAsync(new() { Allocation = content, RequestId = requestId }, options)).Allocation,
        async (token, options) => DemoPages.Of(await funding.ListAllocationsAsync(
            new() { AssistanceRequest = content.AssistanceRequest, PageToken = token, PageSize = PageSize }, options), page => page.Allocations),
        earlier => earlier.Pledge == content.Pledge && earlier.State != Contracts.Funding.V1.Allocation.Types.State.Proposed);

    /// <summary>Money paid out of <paramref name="allocation"/>, told apart by the day it was paid.</summary>
    public DemoRecord<Disbursement> Disbursement(string key, string allocation, Disbursement content) => new(
        "disbursement", key, content,
        async (requestId, options) => (await funding.CreateDisbursementAsync(new() { Parent = allocation, Disbursement = content, RequestId = requestId }, options)).Disbursement,
        async (token, options) => DemoPages.Of(await funding.ListDisbursementsAsync(
            new() { Parent = allocation, PageToken = token, PageSize = PageSize }, options), page => page.Disbursements),
        earlier => Equals(earlier.DisbursementDate, content.DisbursementDate));
}
