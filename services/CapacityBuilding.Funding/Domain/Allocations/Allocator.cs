using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;
using AssistanceState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// Decides whether money may move from a pledge to a request and moves it. What cannot change
/// (the pledge's currency, validity and earmarks) is checked here, and so is the request's
/// approval as read from assistance; what can change under us (the pledge's state and balance,
/// and whether a withdrawal closed the request to funding since that read: <see cref="RequestClosures"/>)
/// is checked and written in one Lua script by <see cref="RedisAllocationRepository"/>.
/// </summary>
public sealed class Allocator(
    RedisPledgeRepository pledges,
    RedisAllocationRepository allocations,
    AssistanceRequests assistanceRequests,
    AllocationValidator validator,
    ApiErrors errors,
    TimeProvider clock)
{
    public async Task<AllocationRecord> AllocateAsync(CreateAllocationRequest request, Caller caller, IdempotentCreate? create, CancellationToken cancellationToken)
    {
        var (donorId, pledgeId, requestId) = validator.ValidateCreate(request);
        var allocation = request.Allocation;
        EnsureMayCreate(request, caller, donorId);

        // A retry of a call that succeeded returns its allocation, even if the pledge has run dry
        // or the request moved on since: the script checks again, this only saves the work.
        if (await allocations.FindEarlierAsync(create) is { } earlierId)
        {
            return await ExistingAsync(earlierId);
        }

        var pledge = await pledges.GetAsync(donorId, pledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, allocation.Pledge);
        if (allocation.Amount.CurrencyCode != pledge.Pledge.CurrencyCode)
        {
            throw errors.InvalidArgument("allocation.amount.currency_code",
                $"must be {pledge.Pledge.CurrencyCode}, the currency of {allocation.Pledge}.");
        }

        if (pledge.Ledger.State == PledgeState.Cancelled)
        {
            throw PledgeCancelled(allocation.Pledge);
        }

        if (pledge.Ledger.State != PledgeState.Committed)
        {
            throw PledgeNotCommitted(allocation.Pledge, pledge.Ledger.State);
        }

        var today = CalendarDates.Today(clock);
        if (today < pledge.Pledge.ValidFrom || today > pledge.Pledge.ValidUntil)
        {
            throw errors.FailedPrecondition(ErrorReasons.PledgeNotValid,
                $"{allocation.Pledge} is valid from {pledge.Pledge.ValidFrom:yyyy-MM-dd} to {pledge.Pledge.ValidUntil:yyyy-MM-dd}, not on {today:yyyy-MM-dd}.",
                new Dictionary<string, string>
                {
                    ["valid_from"] = $"{pledge.Pledge.ValidFrom:yyyy-MM-dd}",
                    ["valid_until"] = $"{pledge.Pledge.ValidUntil:yyyy-MM-dd}",
                });
        }

        var assistanceRequest = await assistanceRequests.GetAsync(allocation.AssistanceRequest, cancellationToken);
        // An offer can be made while the request is delivered too (more seats, more money); money
        // goes straight to an approved request only, as it always did.
        if (assistanceRequest.State != AssistanceState.Approved && !(request.PendingAcceptance && assistanceRequest.State == AssistanceState.InDelivery))
        {
            throw errors.WrongState(ErrorReasons.RequestNotApproved,
                $"{allocation.AssistanceRequest} is {ProtoEnumNames.Of(assistanceRequest.State)}; money is allocated to an APPROVED request, or proposed to an APPROVED or IN_DELIVERY one.",
                ProtoEnumNames.Of(assistanceRequest.State));
        }

        if (EarmarkRules.WhyNotCovered(pledge.Pledge.Earmarks, assistanceRequest.RequestingState, assistanceRequest.ThematicAreas) is { } reason)
        {
            throw errors.FailedPrecondition(ErrorReasons.EarmarkMismatch, $"{allocation.Pledge} cannot fund {allocation.AssistanceRequest}: {reason}.");
        }

        var now = clock.GetUtcNow();
        var stored = new StoredAllocation(
            ResourceIds.New(), donorId, pledgeId, requestId, allocation.Amount.CurrencyCode, allocation.Amount.Units, allocation.Amount.Nanos,
            assistanceRequest.RequestingState, [.. assistanceRequest.ThematicAreas], today, now);
        return await allocations.AllocateAsync(stored, request.PendingAcceptance, DonorBudgets.EntriesOf(assistanceRequest), create, now) switch
        {
            AllocateOutcome.Created created => created.Allocation,
            AllocateOutcome.AlreadyCreated already => await ExistingAsync(already.AllocationId),
            AllocateOutcome.PledgeMissing => throw errors.NotFound(FundingNames.Pledge.ResourceType, allocation.Pledge),
            AllocateOutcome.PledgeCancelled => throw PledgeCancelled(allocation.Pledge),
            AllocateOutcome.PledgeNotCommitted notCommitted => throw PledgeNotCommitted(allocation.Pledge, notCommitted.State),
            AllocateOutcome.RequestClosed => throw errors.FailedPrecondition(ErrorReasons.RequestClosedToFunding,
                $"{allocation.AssistanceRequest} is being withdrawn or has been; no money can be allocated to it."),
            AllocateOutcome.InsufficientBalance insufficient => throw errors.FailedPrecondition(ErrorReasons.InsufficientPledgeBalance,
                $"{allocation.Pledge} has {insufficient.Remaining.Format(stored.CurrencyCode)} left, less than the {stored.Amount.Format(stored.CurrencyCode)} asked for.",
                new Dictionary<string, string>
                {
                    ["remaining_balance"] = insufficient.Remaining.Format(stored.CurrencyCode),
                    ["remaining_units"] = insufficient.Remaining.UnitsText,
                    ["remaining_nanos"] = insufficient.Remaining.NanosText,
                    ["currency_code"] = stored.CurrencyCode,
                }),
            var other => throw new InvalidOperationException($"Unhandled allocation result {other}."),
        };
    }

    /// <summary>
    /// Coordinators release proposed or active money. The assistance service releases only what an
    /// offer holds: a PROPOSED allocation; one the requesting state accepted meanwhile is refused
    /// (ALLOCATION_CONFIRMED), so of an acceptance and a release racing each other exactly one wins.
    /// </summary>
    public async Task<AllocationRecord> ReleaseAsync(ReleaseAllocationRequest request, Caller caller)
    {
        var id = FundingNames.Allocation.Parse(request.Name, "name", errors).AllocationId;
        var existing = await allocations.GetAsync(id) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name);
        var proposedOnly = caller.Role == CallerRole.Service;
        return await allocations.ReleaseAsync(existing.Allocation, request.Etag, proposedOnly, clock.GetUtcNow()) switch
        {
            ReleaseOutcome.Released released => existing with { Ledger = released.Ledger },
            ReleaseOutcome.Missing => throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name),
            ReleaseOutcome.EtagMismatch => throw errors.StaleEtag(request.Name),
            ReleaseOutcome.WrongState { State: AllocationState.Active } when proposedOnly => throw errors.WrongState(ErrorReasons.AllocationConfirmed,
                $"{request.Name} was accepted and is ACTIVE; only a coordinator releases allocated money.", ProtoEnumNames.Of(AllocationState.Active)),
            ReleaseOutcome.WrongState wrong => throw errors.WrongState(ErrorReasons.AllocationNotActive,
                $"{request.Name} is {ProtoEnumNames.Of(wrong.State)}; only an ACTIVE or PROPOSED allocation can be released.",
                ProtoEnumNames.Of(wrong.State)),
            ReleaseOutcome.HasDisbursements disbursed => throw errors.FailedPrecondition(ErrorReasons.AllocationDisbursed,
                $"{request.Name} has {disbursed.Disbursed.Format(existing.Allocation.CurrencyCode)} disbursed; money already paid out cannot go back to the pledge.",
                new Dictionary<string, string> { ["disbursed"] = disbursed.Disbursed.Format(existing.Allocation.CurrencyCode) }),
            var other => throw new InvalidOperationException($"Unhandled release result {other}."),
        };
    }

    public async Task<AllocationRecord> ConfirmAsync(ConfirmAllocationRequest request)
    {
        var id = FundingNames.Allocation.Parse(request.Name, "name", errors).AllocationId;
        var existing = await allocations.GetAsync(id) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name);
        return await allocations.ConfirmAsync(existing.Allocation, clock.GetUtcNow()) switch
        {
            ConfirmOutcome.Confirmed confirmed => existing with { Ledger = confirmed.Ledger },
            ConfirmOutcome.Missing => throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name),
            ConfirmOutcome.WrongState => throw errors.WrongState(ErrorReasons.AllocationReleased,
                $"{request.Name} was released: its money went back to the pledge, so there is nothing left to confirm.",
                ProtoEnumNames.Of(AllocationState.Released)),
            ConfirmOutcome.RequestClosed => throw errors.FailedPrecondition(ErrorReasons.RequestClosedToFunding,
                $"{FundingNames.AssistanceRequest.Format(existing.Allocation.RequestId)} is being withdrawn or has been; the proposal cannot be confirmed."),
            var other => throw new InvalidOperationException($"Unhandled confirmation result {other}."),
        };
    }

    public async Task<AllocationRecord> ExistingAsync(string id) =>
        await allocations.GetAsync(id) ?? throw new InvalidOperationException($"Allocation {id} is indexed but missing.");

    /// <summary>
    /// Coordinators allocate or propose; a donor only proposes, and only its own money (another
    /// donor's pledge is NOT_FOUND, as everywhere a donor names what is not its own); the
    /// assistance service only holds money for an offer, which the requesting state then accepts.
    /// </summary>
    private void EnsureMayCreate(CreateAllocationRequest request, Caller caller, string donorId)
    {
        if (caller.Role is CallerRole.Donor or CallerRole.Service && !request.PendingAcceptance)
        {
            throw errors.PermissionDenied("Only a coordinator allocates money directly; set pending_acceptance to propose it to the requesting state.");
        }

        if (!DonorOwnership.Owns(caller, donorId))
        {
            throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Allocation.Pledge);
        }
    }

    private global::Grpc.Core.RpcException PledgeNotCommitted(string pledgeName, PledgeState state) => errors.WrongState(ErrorReasons.PledgeNotCommitted,
        $"{pledgeName} is {ProtoEnumNames.Of(state)}; only a COMMITTED pledge's money can be allocated or proposed.", ProtoEnumNames.Of(state));

    private global::Grpc.Core.RpcException PledgeCancelled(string pledgeName) => errors.WrongState(ErrorReasons.PledgeCancelled,
        $"{pledgeName} is CANCELLED; nothing can be allocated from it.", ProtoEnumNames.Of(PledgeState.Cancelled));
}
