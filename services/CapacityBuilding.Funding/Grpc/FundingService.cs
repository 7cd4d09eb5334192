using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.Funding.Pledges;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Paging;
using Grpc.Core;

namespace CapacityBuilding.Funding.Grpc;

public sealed class FundingService(
    RedisDonorRepository donors,
    RedisPledgeRepository pledges,
    DonorValidator donorValidator,
    PledgeValidator pledgeValidator,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock) : Contracts.Funding.V1.FundingService.FundingServiceBase
{
    private const string DonorListScope = "donors";

    public override async Task<CreateDonorResponse> CreateDonor(CreateDonorRequest request, ServerCallContext context)
    {
        donorValidator.ValidateCreate(request);
        var stored = await donors.CreateAsync(request.Donor.ToNewStoredDonor(clock.GetUtcNow()), request.RequestId);
        return new CreateDonorResponse { Donor = stored.ToMessage() };
    }

    public override async Task<GetDonorResponse> GetDonor(GetDonorRequest request, ServerCallContext context)
    {
        var donor = await ExistingDonorAsync(request.Name, "name");
        return new GetDonorResponse { Donor = donor.ToMessage() };
    }

    public override async Task<ListDonorsResponse> ListDonors(ListDonorsRequest request, ServerCallContext context)
    {
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, DonorListScope);
        var (items, lastId) = await donors.ListAsync(pageSize, afterId);
        return new ListDonorsResponse
        {
            Donors = { items.Select(donor => donor.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, DonorListScope),
        };
    }

    public override async Task<CreatePledgeResponse> CreatePledge(CreatePledgeRequest request, ServerCallContext context)
    {
        var donor = await ExistingDonorAsync(request.Parent, "parent");
        pledgeValidator.ValidateCreate(request);
        var stored = await pledges.CreateAsync(request.Pledge.ToNewStoredPledge(donor.Id, clock.GetUtcNow()), request.RequestId);
        return new CreatePledgeResponse { Pledge = stored.ToMessage() };
    }

    public override async Task<GetPledgeResponse> GetPledge(GetPledgeRequest request, ServerCallContext context)
    {
        var ids = FundingNames.Pledge.Parse(request.Name, "name", errors);
        var pledge = await pledges.GetAsync(ids[0], ids[1]) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Name);
        return new GetPledgeResponse { Pledge = pledge.ToMessage() };
    }

    public override async Task<ListPledgesResponse> ListPledges(ListPledgesRequest request, ServerCallContext context)
    {
        var donor = await ExistingDonorAsync(request.Parent, "parent");
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await pledges.ListAsync(donor.Id, pageSize, afterId);
        return new ListPledgesResponse
        {
            Pledges = { items.Select(pledge => pledge.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    private async Task<StoredDonor> ExistingDonorAsync(string name, string field)
    {
        var id = FundingNames.Donor.Parse(name, field, errors)[0];
        return await donors.GetAsync(id) ?? throw errors.NotFound(FundingNames.Donor.ResourceType, name);
    }
}
