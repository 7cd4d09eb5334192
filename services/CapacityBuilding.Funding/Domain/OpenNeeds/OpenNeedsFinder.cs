using System.Globalization;
using System.Numerics;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Validation;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;
using AssistanceState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.OpenNeeds;

/// <summary>
/// What a donor could fund: approved and in-delivery requests whose budget (approved, else
/// indicative) is not covered by the money allocated or proposed to them, and that fit the
/// earmarks of one of the donor's committed pledges that is valid today and has money left.
/// Ranked by the request's priority score, then by what is still needed in USD; a need whose
/// figures cannot be converted (a currency without a rate) is left out, since whether it is
/// covered cannot be told. Pages resume after the ranking key of the last need served, so a need
/// funded between two pages shifts nothing else.
/// </summary>
public sealed class OpenNeedsFinder(
    RedisDonorRepository donors,
    RedisPledgeRepository pledges,
    RedisAllocationRepository allocations,
    RedisExchangeRateRepository exchangeRates,
    AssistanceRequests assistanceRequests,
    DonorOwnership ownership,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock)
{
    private static readonly IReadOnlyList<AssistanceState> OpenStates = [AssistanceState.Approved, AssistanceState.InDelivery];

    public async Task<ListOpenNeedsResponse> ListAsync(ListOpenNeedsRequest request, global::Grpc.Core.ServerCallContext context)
    {
        var donorId = FundingNames.Donor.Parse(request.Parent, "parent", errors).DonorId;
        ownership.EnsureVisible(context, donorId, FundingNames.Donor.ResourceType, request.Parent);
        _ = await donors.GetAsync(donorId) ?? throw errors.NotFound(FundingNames.Donor.ResourceType, request.Parent);
        var asOf = request.AsOf is null ? CalendarDates.Today(clock) : CalendarDates.TryParse(request.AsOf) ?? throw errors.InvalidArgument("as_of", "is not a calendar day.");
        var scope = $"openNeeds|{request.Parent}|{asOf:yyyy-MM-dd}";
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var after = pageTokens.Decode(request.PageToken, scope) is { } token
            ? RankKey.Parse(token) ?? throw errors.InvalidArgument(PageTokens.PageTokenField, "is not a token this service issued.")
            : null;

        var usable = await UsablePledgesAsync(donorId);
        var needs = usable.Count == 0 ? [] : await NeedsAsync(usable, new ExchangeRateTable(await exchangeRates.ListAsync(), asOf), context.CancellationToken);
        var ranked = needs.OrderBy(need => need.Key).Where(need => after is null || need.Key.CompareTo(after) > 0).Take(pageSize + 1).ToList();
        var page = ranked.Take(pageSize).ToList();
        return new ListOpenNeedsResponse
        {
            OpenNeeds = { page.Select(need => need.Message) },
            NextPageToken = ranked.Count > pageSize ? PageTokens.Encode(page[^1].Key.ToString(), scope) : string.Empty,
        };
    }

    /// <summary>The donor's pledges money can be proposed from today: committed, valid, with a balance.</summary>
    private async Task<IReadOnlyList<PledgeRecord>> UsablePledgesAsync(string donorId)
    {
        var today = CalendarDates.Today(clock);
        var usable = new List<PledgeRecord>();
        await foreach (var pledge in pledges.AllAsync([donorId]))
        {
            if (pledge.Ledger.State == PledgeState.Committed && !pledge.Ledger.Remaining.IsZero
                && pledge.Pledge.ValidFrom <= today && today <= pledge.Pledge.ValidUntil)
            {
                usable.Add(pledge);
            }
        }

        return usable;
    }

    private async Task<IReadOnlyList<RankedNeed>> NeedsAsync(IReadOnlyList<PledgeRecord> usable, ExchangeRateTable rates, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, CurrencyTotals>(StringComparer.Ordinal);
        await foreach (var allocation in allocations.AllAsync())
        {
            if (allocation.Ledger.State is AllocationState.Active or AllocationState.Proposed)
            {
                if (!held.TryGetValue(allocation.Allocation.RequestId, out var totals))
                {
                    totals = new CurrencyTotals();
                    held.Add(allocation.Allocation.RequestId, totals);
                }

                totals.Add(allocation.Allocation.CurrencyCode, allocation.Ledger.Amount.TotalNanos);
            }
        }

        var needs = new List<RankedNeed>();
        await foreach (var assistanceRequest in assistanceRequests.ListInStatesAsync(OpenStates, cancellationToken))
        {
            if (NeedOf(assistanceRequest, held.GetValueOrDefault(RequestFacts.IdOf(assistanceRequest)) ?? new CurrencyTotals(), usable, rates) is { } need)
            {
                needs.Add(need);
            }
        }

        return needs;
    }

    private static RankedNeed? NeedOf(AssistanceRequest request, CurrencyTotals held, IReadOnlyList<PledgeRecord> usable, ExchangeRateTable rates)
    {
        if ((request.ApprovedBudget ?? request.IndicativeBudget) is not { } budget)
        {
            return null;
        }

        var fitting = usable.Where(pledge => EarmarkRules.WhyNotCovered(pledge.Pledge.Earmarks, request.RequestingState, request.ThematicAreas) is null).ToList();
        if (fitting.Count == 0 || StillNeeded(budget, held, rates) is not var (stillNeeded, stillNeededUsd) || stillNeeded <= 0)
        {
            return null;
        }

        var message = new OpenNeed
        {
            AssistanceRequest = request.Name,
            Title = request.Title,
            RequestingState = request.RequestingState,
            ThematicAreas = { request.ThematicAreas },
            PriorityScore = request.PriorityScore,
            Budget = budget,
            BudgetBasis = request.ApprovedBudget is null ? BudgetBasis.Indicative : BudgetBasis.Approved,
            StillNeeded = SignedMoney.FromTotalNanos(stillNeeded, budget.CurrencyCode),
            StillNeededUsd = SignedMoney.FromTotalNanos(stillNeededUsd, ExchangeRateTable.ReportingCurrency),
            FittingPledges =
            {
                fitting.Select(pledge => new OpenNeed.Types.FittingPledge
                {
                    Pledge = FundingNames.Pledge.Format(pledge.Pledge.DonorId, pledge.Pledge.Id),
                    RemainingBalance = pledge.Ledger.Remaining.ToMoney(pledge.Pledge.CurrencyCode),
                }),
            },
        };
        return new RankedNeed(new RankKey(request.PriorityScore, stillNeededUsd, request.Name), message);
    }

    /// <summary>
    /// Budget minus what is held (allocated or proposed), in the budget's currency and in USD:
    /// exact in the budget's currency when everything held is in it, else through USD; null when a
    /// currency has no rate.
    /// </summary>
    private static (BigInteger InBudgetCurrency, BigInteger Usd)? StillNeeded(Google.Type.Money budget, CurrencyTotals held, ExchangeRateTable rates)
    {
        var currency = budget.CurrencyCode;
        if (held.Entries.All(entry => entry.CurrencyCode == currency))
        {
            var remaining = SignedMoney.TotalNanos(budget) - held.Entries.Aggregate(BigInteger.Zero, (sum, entry) => sum + entry.TotalNanos);
            return rates.ToUsdNanos(currency, remaining) is { } usd ? (remaining, usd) : null;
        }

        var heldUsd = Summaries.TotalsBuilder.ToUsdNanos(held, rates);
        if (heldUsd is null || rates.ToUsdNanos(currency, SignedMoney.TotalNanos(budget)) is not { } budgetUsd)
        {
            return null;
        }

        var stillUsd = budgetUsd - heldUsd.Value;
        return rates.FromUsdNanos(currency, stillUsd) is { } inCurrency ? (inCurrency, stillUsd) : null;
    }

    private sealed record RankedNeed(RankKey Key, OpenNeed Message);

    /// <summary>Where a need ranks: higher priority first, then more still needed, then by name; also the page token's position.</summary>
    private sealed record RankKey(int Priority, BigInteger StillNeededUsd, string Request) : IComparable<RankKey>
    {
        public int CompareTo(RankKey? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byPriority = other.Priority.CompareTo(Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byNeed = other.StillNeededUsd.CompareTo(StillNeededUsd);
            return byNeed != 0 ? byNeed : string.CompareOrdinal(Request, other.Request);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Priority}|{StillNeededUsd}|{Request}");

        public static RankKey? Parse(string text)
        {
            var parts = text.Split('|', 3);
            return parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority)
                && BigInteger.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stillNeeded)
                ? new RankKey(priority, stillNeeded, parts[2])
                : null;
        }
    }
}
