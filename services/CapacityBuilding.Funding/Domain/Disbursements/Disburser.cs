using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Funding.Domain.Disbursements;

/// <summary>Records money paid out; the script keeps the allocation's disbursements within its amount.</summary>
public sealed class Disburser(RedisAllocationRepository allocations, DisbursementValidator validator, ApiErrors errors, TimeProvider clock)
{
    public async Task<StoredDisbursement> DisburseAsync(CreateDisbursementRequest request, IdempotentCreate? create)
    {
        var (allocationId, day) = validator.ValidateCreate(request);
        var allocation = await allocations.GetAsync(allocationId) ?? throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Parent);
        var amount = request.Disbursement.Amount;
        if (amount.CurrencyCode != allocation.Allocation.CurrencyCode)
        {
            throw errors.InvalidArgument("disbursement.amount.currency_code",
                $"must be {allocation.Allocation.CurrencyCode}, the currency of {request.Parent}.");
        }

        var stored = new StoredDisbursement(ResourceIds.New(), allocationId, amount.CurrencyCode, amount.Units, amount.Nanos, day,
            request.Disbursement.Description.Trim(), clock.GetUtcNow());
        return await allocations.DisburseAsync(stored, allocation.Allocation, create) switch
        {
            DisburseOutcome.Created => stored,
            DisburseOutcome.AlreadyCreated already => await allocations.GetDisbursementAsync(already.DisbursementId)
                ?? throw new InvalidOperationException($"Disbursement {already.DisbursementId} is remembered but missing."),
            DisburseOutcome.AllocationMissing => throw errors.NotFound(FundingNames.Allocation.ResourceType, request.Parent),
            DisburseOutcome.WrongState wrong => throw errors.WrongState(ErrorReasons.AllocationNotActive,
                $"{request.Parent} is {ProtoEnumNames.Of(wrong.State)}; money can only be disbursed from an ACTIVE allocation.",
                ProtoEnumNames.Of(wrong.State)),
            DisburseOutcome.ExceedsAllocation exceeds => throw errors.FailedPrecondition(ErrorReasons.ExceedsAllocation,
                $"{request.Parent} has {exceeds.Undisbursed.Format(stored.CurrencyCode)} left to disburse, less than {new Money.Amount(stored.Units, stored.Nanos).Format(stored.CurrencyCode)}.",
                new Dictionary<string, string> { ["undisbursed"] = exceeds.Undisbursed.Format(stored.CurrencyCode) }),
            var other => throw new InvalidOperationException($"Unhandled disbursement result {other}."),
        };
    }
}
