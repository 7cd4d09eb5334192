using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Iati;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.OpenNeeds;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Domain.Summaries;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;

namespace CapacityBuilding.Funding.Grpc;

/// <summary>Maps the funding API's messages to the domain classes that do the work.</summary>
public sealed class FundingService(
    RedisDonorRepository donors,
    RedisPledgeRepository pledges,
    RedisAllocationRepository allocations,
    RedisExchangeRateRepository exchangeRates,
    DonorValidator donorValidator,
    PledgeValidator pledgeValidator,
    ExchangeRateValidator exchangeRateValidator,
    Allocator allocator,
    RequestClosures closures,
    Disburser disburser,
    Contributor contributor,
    RedisContributionRepository contributions,
    PledgeLedgerVerifier ledgerVerifier,
    FundingReports reports,
    OpenNeedsFinder openNeeds,
    FundedRequestsListing fundedRequests,
    IatiActivitiesExport iatiExport,
    PublicIatiPageTokens publicPageTokens,
    PublishedProjectRegistry registry,
    DonorOwnership ownership,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock) : Contracts.Funding.V1.FundingService.FundingServiceBase
{
    private const string DonorListScope = "donors";
    private const string AllocationListScope = "allocations";
    private const string IatiExportScope = "iatiActivities";

    public override async Task<CreateDonorResponse> CreateDonor(CreateDonorRequest request, ServerCallContext context)
    {
        donorValidator.EnsureValid(request, errors);
        if (request.ValidateOnly)
        {
            return new CreateDonorResponse();
        }

        // Only coordinators create donors, and they read every donor: a replay needs no row-level check.
        var stored = await donors.CreateAsync(request.Donor.ToNewStoredDonor(clock.GetUtcNow()), IdempotentCreate.Of(context.GetCaller(), request));
        return new CreateDonorResponse { Donor = stored.ToMessage() };
    }

    public override async Task<GetDonorResponse> GetDonor(GetDonorRequest request, ServerCallContext context)
    {
        var donor = await ExistingDonorAsync(request.Name, "name");
        ownership.EnsureVisible(context, donor.Id, FundingNames.Donor.ResourceType, request.Name);
        return new GetDonorResponse { Donor = donor.ToMessage() };
    }

    public override async Task<ListDonorsResponse> ListDonors(ListDonorsRequest request, ServerCallContext context)
    {
        // A donor's listing is itself, on one page.
        if (context.GetCaller() is { Role: CallerRole.Donor } caller)
        {
            var own = await donors.GetAsync(caller.DonorId!);
            return new ListDonorsResponse { Donors = { own is null ? [] : [own.ToMessage()] } };
        }

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
        ownership.EnsureVisible(context, donor.Id, FundingNames.Donor.ResourceType, request.Parent);
        pledgeValidator.EnsureValid(request, errors);
        if (request.ValidateOnly)
        {
            return new CreatePledgeResponse();
        }

        var now = clock.GetUtcNow();
        var stored = await pledges.CreateAsync(request.Pledge.ToNewStoredPledge(donor.Id, now), IdempotentCreate.Of(context.GetCaller(), request), now);
        return new CreatePledgeResponse { Pledge = IdempotentCreate.Answer(stored, DonorOwnership.Owns(context.GetCaller(), stored.Pledge.DonorId)).ToMessage() };
    }

    public override async Task<GetPledgeResponse> GetPledge(GetPledgeRequest request, ServerCallContext context)
    {
        var name = FundingNames.Pledge.Parse(request.Name, "name", errors);
        ownership.EnsureVisible(context, name.DonorId, FundingNames.Pledge.ResourceType, request.Name);
        var pledge = await pledges.GetAsync(name.DonorId, name.PledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Name);
        return new GetPledgeResponse { Pledge = pledge.ToMessage() };
    }

    public override async Task<ListPledgesResponse> ListPledges(ListPledgesRequest request, ServerCallContext context)
    {
        var donor = await ExistingDonorAsync(request.Parent, "parent");
        ownership.EnsureVisible(context, donor.Id, FundingNames.Donor.ResourceType, request.Parent);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await pledges.ListAsync(donor.Id, pageSize, afterId);
        return new ListPledgesResponse
        {
            Pledges = { items.Select(pledge => pledge.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override async Task<CommitPledgeResponse> CommitPledge(CommitPledgeRequest request, ServerCallContext context) =>
        new() { Pledge = await TransitionAsync(request.Name, request.Etag, PledgeTransition.Commit) };

    public override async Task<CancelPledgeResponse> CancelPledge(CancelPledgeRequest request, ServerCallContext context) =>
        new() { Pledge = await TransitionAsync(request.Name, request.Etag, PledgeTransition.Cancel) };

    public override Task<VerifyPledgeLedgerResponse> VerifyPledgeLedger(VerifyPledgeLedgerRequest request, ServerCallContext context) =>
        ledgerVerifier.VerifyAsync(request);

    // A replay is the caller's own (its request id is scoped to the caller), and a donor may only name its own pledge.
    public override async Task<CreateAllocationResponse> CreateAllocation(CreateAllocationRequest request, ServerCallContext context) =>
        new()
        {
            Allocation = (await allocator.AllocateAsync(request, context.GetCaller(), IdempotentCreate.Of(context.GetCaller(), request), context.CancellationToken))
                .ToMessage(),
        };

    public override async Task<GetAllocationResponse> GetAllocation(GetAllocationRequest request, ServerCallContext context)
    {
        var id = FundingNames.Allocation.Parse(request.Name, "name", errors).AllocationId;
        var allocation = await allocations.GetAsync(id) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name);
        ownership.EnsureVisible(context, allocation.Allocation.DonorId, FundingNames.Allocation.ResourceType, request.Name);
        return new GetAllocationResponse { Allocation = allocation.ToMessage() };
    }

    public override async Task<ListAllocationsResponse> ListAllocations(ListAllocationsRequest request, ServerCallContext context)
    {
        var requestId = request.AssistanceRequest.Length == 0
            ? null
            : FundingNames.AssistanceRequest.Parse(request.AssistanceRequest, "assistance_request", errors).RequestId;
        var donorId = request.Donor.Length == 0 ? null : FundingNames.Donor.Parse(request.Donor, "donor", errors).DonorId;
        // Another donor's allocations are, to a donor, as those of a donor that does not exist: none.
        if (donorId is not null && !DonorOwnership.Owns(context.GetCaller(), donorId))
        {
            return new ListAllocationsResponse();
        }

        // A donor's listing is always of its own allocations, read from its own index.
        donorId ??= context.GetCaller() is { Role: CallerRole.Donor } donor ? donor.DonorId : null;
        var scope = $"{AllocationListScope}|{requestId}|{donorId}";
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, scope);
        var (items, lastId) = await allocations.ListAsync(requestId, donorId, pageSize, afterId);
        return new ListAllocationsResponse
        {
            Allocations = { items.Select(allocation => allocation.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, scope),
        };
    }

    public override async Task<ReleaseAllocationResponse> ReleaseAllocation(ReleaseAllocationRequest request, ServerCallContext context) =>
        new() { Allocation = (await allocator.ReleaseAsync(request, context.GetCaller())).ToMessage() };

    public override async Task<ConfirmAllocationResponse> ConfirmAllocation(ConfirmAllocationRequest request, ServerCallContext context) =>
        new() { Allocation = (await allocator.ConfirmAsync(request)).ToMessage() };

    public override async Task<CreateDisbursementResponse> CreateDisbursement(CreateDisbursementRequest request, ServerCallContext context) =>
        new() { Disbursement = (await disburser.DisburseAsync(request, IdempotentCreate.Of(context.GetCaller(), request))).ToMessage() };

    public override async Task<ListDisbursementsResponse> ListDisbursements(ListDisbursementsRequest request, ServerCallContext context)
    {
        var allocationId = FundingNames.Allocation.Parse(request.Parent, "parent", errors).AllocationId;
        var allocation = await allocations.GetAsync(allocationId) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Parent);
        ownership.EnsureVisible(context, allocation.Allocation.DonorId, FundingNames.Allocation.ResourceType, request.Parent);

        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await allocations.ListDisbursementsAsync(allocationId, pageSize, afterId);
        return new ListDisbursementsResponse
        {
            Disbursements = { items.Select(disbursement => disbursement.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override async Task<LoadExchangeRatesResponse> LoadExchangeRates(LoadExchangeRatesRequest request, ServerCallContext context)
    {
        var rates = exchangeRateValidator.ValidateLoad(request);
        await exchangeRates.LoadAsync(rates);
        return new LoadExchangeRatesResponse { LoadedCount = rates.Count };
    }

    public override async Task<ListExchangeRatesResponse> ListExchangeRates(ListExchangeRatesRequest request, ServerCallContext context)
    {
        if (request.CurrencyCode.Length > 0 && !CurrencyCodes.IsActive(request.CurrencyCode))
        {
            throw errors.InvalidArgument("currency_code", "is not an ISO 4217 currency code.");
        }

        var rates = await exchangeRates.ListAsync(request.CurrencyCode.Length == 0 ? null : request.CurrencyCode);
        return new ListExchangeRatesResponse { ExchangeRates = { rates.Select(rate => rate.ToMessage()) } };
    }

    public override async Task<GetRequestFundingResponse> GetRequestFunding(GetRequestFundingRequest request, ServerCallContext context) =>
        new() { RequestFunding = await reports.ForRequestAsync(request, context.GetCaller(), context.CancellationToken) };

    public override async Task<CloseRequestFundingResponse> CloseRequestFunding(CloseRequestFundingRequest request, ServerCallContext context)
    {
        await closures.CloseAsync(request.AssistanceRequest, request.ClosureId);
        return new CloseRequestFundingResponse();
    }

    public override async Task<ReopenRequestFundingResponse> ReopenRequestFunding(ReopenRequestFundingRequest request, ServerCallContext context)
    {
        await closures.ReopenAsync(request.AssistanceRequest, request.ClosureId);
        return new ReopenRequestFundingResponse();
    }

    public override async Task<GetFundingSummaryResponse> GetFundingSummary(GetFundingSummaryRequest request, ServerCallContext context) =>
        new() { FundingSummary = await reports.ForProgrammeAsync(request, context.GetCaller(), context.CancellationToken) };

    public override async Task<ExportIatiActivitiesResponse> ExportIatiActivities(ExportIatiActivitiesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var scope = $"{IatiExportScope}|{caller.Role}|{caller.DonorId}";
        var export = await iatiExport.ExportAsync(
            caller, pageTokens.NormalizePageSize(request.PageSize), pageTokens.Decode(request.PageToken, scope), context.CancellationToken);
        return new()
        {
            Xml = export.Xml,
            ActivityCount = export.ActivityCount,
            WithheldActivityCount = export.WithheldCount,
            NextPageToken = PageTokens.Encode(export.LastAllocationId, scope),
            WithheldParts = { export.WithheldParts },
        };
    }

    public override async Task<ExportPublicIatiActivitiesResponse> ExportPublicIatiActivities(ExportPublicIatiActivitiesRequest request, ServerCallContext context)
    {
        // The calling app (the gateway's public route) sees what a coordinator's export publishes: consented requests only.
        var export = await iatiExport.ExportAsync(
            context.GetCaller(), pageTokens.NormalizePageSize(request.PageSize), publicPageTokens.Decode(request.PageToken), context.CancellationToken);
        PublicIatiValidators.WriteTo(context.GetHttpContext().Response, export.ContentHash, export.LastAllocationId, export.LastModified);
        return new() { Xml = export.Xml, ActivityCount = export.ActivityCount, NextPageToken = publicPageTokens.Encode(export.LastAllocationId) };
    }

    // Only coordinators record contributions, and they read everything: a replay needs no row-level check.
    public override async Task<CreateContributionResponse> CreateContribution(CreateContributionRequest request, ServerCallContext context) =>
        new() { Contribution = (await contributor.ContributeAsync(request, IdempotentCreate.Of(context.GetCaller(), request))).ToMessage() };

    public override async Task<ListContributionsResponse> ListContributions(ListContributionsRequest request, ServerCallContext context)
    {
        var name = FundingNames.Pledge.Parse(request.Parent, "parent", errors);
        ownership.EnsureVisible(context, name.DonorId, FundingNames.Pledge.ResourceType, request.Parent);
        _ = await pledges.GetAsync(name.DonorId, name.PledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Parent);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await contributions.ListAsync(name.PledgeId, pageSize, afterId);
        return new ListContributionsResponse
        {
            Contributions = { items.Select(contribution => contribution.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override Task<ListOpenNeedsResponse> ListOpenNeeds(ListOpenNeedsRequest request, ServerCallContext context) =>
        openNeeds.ListAsync(request, context);

    public override async Task<ListPublishedProjectsResponse> ListPublishedProjects(ListPublishedProjectsRequest request, ServerCallContext context)
    {
        var (projects, page) = await registry.ListAsync(
            context.GetCaller(), request, pageTokens.NormalizePageSize(request.PageSize), publicPageTokens.Decode(request.PageToken), context.CancellationToken);
        var response = new ListPublishedProjectsResponse { Projects = { projects }, NextPageToken = publicPageTokens.Encode(page.LastAllocationId) };
        PublicIatiValidators.WriteTo(context.GetHttpContext().Response, string.Join('\n', projects), page.LastAllocationId, page.LastModified);
        return response;
    }

    public override async Task<GetPublishedProjectResponse> GetPublishedProject(GetPublishedProjectRequest request, ServerCallContext context)
    {
        var (project, lastModified) = await registry.GetAsync(context.GetCaller(), request.Name, context.CancellationToken)
            ?? throw errors.NotFound(PublishedProjectRegistry.ResourceType, request.Name);
        PublicIatiValidators.WriteTo(context.GetHttpContext().Response, project.ToString(), null, lastModified);
        return new GetPublishedProjectResponse { PublishedProject = project };
    }

    public override Task<ListFundedRequestsResponse> ListFundedRequests(ListFundedRequestsRequest request, ServerCallContext context) =>
        fundedRequests.ListAsync(request, context);

    private async Task<Pledge> TransitionAsync(string name, string etag, PledgeTransition transition)
    {
        var parsed = FundingNames.Pledge.Parse(name, "name", errors);
        var pledge = await pledges.GetAsync(parsed.DonorId, parsed.PledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, name);
        var currency = pledge.Pledge.CurrencyCode;
        return await pledges.TransitionAsync(pledge.Pledge, transition, etag, clock.GetUtcNow()) switch
        {
            PledgeTransitionOutcome.Done done => (pledge with { Ledger = done.Ledger }).ToMessage(),
            PledgeTransitionOutcome.Missing => throw errors.NotFound(FundingNames.Pledge.ResourceType, name),
            PledgeTransitionOutcome.EtagMismatch => throw errors.StaleEtag(name),
            PledgeTransitionOutcome.WrongState wrong => throw errors.WrongState(ErrorReasons.PledgeState,
                $"{name} is {ProtoEnumNames.Of(wrong.State)}; it cannot be {(transition == PledgeTransition.Commit ? "committed" : "cancelled")}.",
                ProtoEnumNames.Of(wrong.State)),
            PledgeTransitionOutcome.StillAllocated allocated => throw errors.FailedPrecondition(ErrorReasons.PledgeAllocated,
                $"{name} has {(pledge.Ledger.Amount - allocated.Remaining).Format(currency)} allocated; release its allocations before cancelling it.",
                new Dictionary<string, string> { ["allocated"] = (pledge.Ledger.Amount - allocated.Remaining).Format(currency) }),
            var other => throw new InvalidOperationException($"Unhandled pledge transition result {other}."),
        };
    }

    private async Task<StoredDonor> ExistingDonorAsync(string name, string field)
    {
        var id = FundingNames.Donor.Parse(name, field, errors).DonorId;
        return await donors.GetAsync(id) ?? throw errors.NotFound(FundingNames.Donor.ResourceType, name);
    }
}
