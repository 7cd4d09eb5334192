using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
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
    public async Task<AllocationRecord> AllocateAsync(CreateAllocationRequest request, IdempotentCreate? create, CancellationToken cancellationToken)
    {
        var (donorId, pledgeId, requestId) = validator.ValidateCreate(request);
        var allocation = request.Allocation;

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
        if (assistanceRequest.State != AssistanceState.Approved)
        {
            throw errors.WrongState(ErrorReasons.RequestNotApproved,
                $"{allocation.AssistanceRequest} is {ProtoEnumNames.Of(assistanceRequest.State)}; money can only be allocated to an APPROVED request.",
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
        return await allocations.AllocateAsync(stored, create, now) switch
        {
            AllocateOutcome.Created created => created.Allocation,
            AllocateOutcome.AlreadyCreated already => await ExistingAsync(already.AllocationId),
            AllocateOutcome.PledgeMissing => throw errors.NotFound(FundingNames.Pledge.ResourceType, allocation.Pledge),
            AllocateOutcome.PledgeCancelled => throw PledgeCancelled(allocation.Pledge),
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

    public async Task<AllocationRecord> ReleaseAsync(ReleaseAllocationRequest request)
    {
        var id = FundingNames.Allocation.Parse(request.Name, "name", errors).AllocationId;
        var existing = await allocations.GetAsync(id) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name);
        return await allocations.ReleaseAsync(existing.Allocation, request.Etag, clock.GetUtcNow()) switch
        {
            ReleaseOutcome.Released released => existing with { Ledger = released.Ledger },
            ReleaseOutcome.Missing => throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Name),
            ReleaseOutcome.EtagMismatch => throw errors.StaleEtag(request.Name),
            ReleaseOutcome.WrongState wrong => throw errors.WrongState(ErrorReasons.AllocationNotActive,
                $"{request.Name} is {ProtoEnumNames.Of(wrong.State)}; only an ACTIVE allocation can be released.",
                ProtoEnumNames.Of(wrong.State)),
            ReleaseOutcome.HasDisbursements disbursed => throw errors.FailedPrecondition(ErrorReasons.AllocationDisbursed,
                $"{request.Name} has {disbursed.Disbursed.Format(existing.Allocation.CurrencyCode)} disbursed; money already paid out cannot go back to the pledge.",
                new Dictionary<string, string> { ["disbursed"] = disbursed.Disbursed.Format(existing.Allocation.CurrencyCode) }),
            var other => throw new InvalidOperationException($"Unhandled release result {other}."),
        };
    }

    public async Task<AllocationRecord> ExistingAsync(string id) =>
        await allocations.GetAsync(id) ?? throw new InvalidOperationException($"Allocation {id} is indexed but missing.");

    private global::Grpc.Core.RpcException PledgeCancelled(string pledgeName) => errors.WrongState(ErrorReasons.PledgeCancelled,
        $"{pledgeName} is CANCELLED; nothing can be allocated from it.", ProtoEnumNames.Of(PledgeState.Cancelled));
}
