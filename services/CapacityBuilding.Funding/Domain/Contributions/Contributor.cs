using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Funding.Domain.Contributions;

/// <summary>
/// Records money paid in against a pledge. The currency is checked here (it never changes); the
/// pledge's state and what is left to pay are checked by the script that writes
/// (<see cref="RedisContributionRepository"/>), so parallel contributions never exceed the pledge.
/// </summary>
public sealed class Contributor(
    RedisPledgeRepository pledges, RedisContributionRepository contributions, ContributionValidator validator, ApiErrors errors, TimeProvider clock)
{
    public async Task<StoredContribution> ContributeAsync(CreateContributionRequest request, IdempotentCreate? create)
    {
        var (name, day) = validator.ValidateCreate(request);
        var pledge = await pledges.GetAsync(name.DonorId, name.PledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Parent);
        var amount = request.Contribution.Amount;
        if (amount.CurrencyCode != pledge.Pledge.CurrencyCode)
        {
            throw errors.InvalidArgument("contribution.amount.currency_code", $"must be {pledge.Pledge.CurrencyCode}, the currency of {request.Parent}.");
        }

        var stored = new StoredContribution(ResourceIds.New(), name.DonorId, name.PledgeId, amount.CurrencyCode, amount.Units, amount.Nanos, day,
            request.Contribution.Description.Trim(), clock.GetUtcNow());
        return await contributions.CreateAsync(stored, pledge.Pledge, create) switch
        {
            ContributeOutcome.Created => stored,
            ContributeOutcome.AlreadyCreated already => await contributions.GetAsync(already.ContributionId)
                ?? throw new InvalidOperationException($"Contribution {already.ContributionId} is remembered but missing."),
            ContributeOutcome.PledgeMissing => throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Parent),
            ContributeOutcome.PledgeNotCommitted notCommitted => throw errors.WrongState(ErrorReasons.PledgeNotCommitted,
                $"{request.Parent} is {ProtoEnumNames.Of(notCommitted.State)}; money is paid in against a COMMITTED pledge only.",
                ProtoEnumNames.Of(notCommitted.State)),
            ContributeOutcome.ExceedsPledge exceeds => throw errors.FailedPrecondition(ErrorReasons.ContributionsExceedPledge,
                $"{request.Parent} has {exceeds.Unpaid.Format(stored.CurrencyCode)} left to be paid, less than {new Money.Amount(stored.Units, stored.Nanos).Format(stored.CurrencyCode)}.",
                new Dictionary<string, string> { ["unpaid"] = exceeds.Unpaid.Format(stored.CurrencyCode) }),
            var other => throw new InvalidOperationException($"Unhandled contribution result {other}."),
        };
    }
}
