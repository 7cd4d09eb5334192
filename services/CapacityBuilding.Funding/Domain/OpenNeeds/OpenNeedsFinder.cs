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
/// funded between two pages shifts nothing else. What a request holds is its totals
/// (<see cref="ReportTotals.OfRequest"/>, kept by the scripts that move the money), read only for
/// the requests of the priorities a page is built from; no allocation is read.
/// </summary>
public sealed class OpenNeedsFinder(
    RedisDonorRepository donors,
    RedisPledgeRepository pledges,
    RedisFundingTotalsRepository totalsStore,
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
        var needs = usable.Count == 0
            ? []
            : await NeedsAsync(usable, new ExchangeRateTable(await exchangeRates.ListAsync(), asOf), after, pageSize + 1, context.CancellationToken);
        var ranked = needs.OrderBy(need => need.Key).Take(pageSize + 1).ToList();
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

    /// <summary>
    /// The needs that rank after <paramref name="after"/> (all when null), at least
    /// <paramref name="wanted"/> of them when there are so many, unordered. Requests come highest
    /// priority first and are taken a priority at a time, since within one priority the ranking
    /// needs what each still lacks: the money held is read (the request's totals) only for the
    /// requests of the priorities that make the page, and reading stops at the first priority
    /// after the page is full. Requests of a higher priority than <paramref name="after"/>'s were
    /// served on earlier pages and are passed over without a read of their totals.
    /// </summary>
    private async Task<List<RankedNeed>> NeedsAsync(
        IReadOnlyList<PledgeRecord> usable, ExchangeRateTable rates, RankKey? after, int wanted, CancellationToken cancellationToken)
    {
        var needs = new List<RankedNeed>();
        var samePriority = new List<Candidate>();
        await foreach (var request in assistanceRequests.ListInStatesByPriorityAsync(OpenStates, wanted, cancellationToken))
        {
            if (after is not null && request.PriorityScore > after.Priority)
            {
                continue;
            }

            if (samePriority.Count > 0 && samePriority[0].Request.PriorityScore != request.PriorityScore)
            {
                await AddNeedsAsync(samePriority, rates, after, needs);
                if (needs.Count >= wanted)
                {
                    return needs;
                }
            }

            if (CandidateOf(request, usable) is { } candidate)
            {
                samePriority.Add(candidate);
            }
        }

        await AddNeedsAsync(samePriority, rates, after, needs);
        return needs;
    }

    /// <summary>Adds to <paramref name="needs"/> those of <paramref name="candidates"/> still short of their budget and ranked after <paramref name="after"/>, reading their totals in one round trip; empties <paramref name="candidates"/>.</summary>
    private async Task AddNeedsAsync(List<Candidate> candidates, ExchangeRateTable rates, RankKey? after, List<RankedNeed> needs)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var totals = await totalsStore.ReadManyAsync([.. candidates.Select(candidate => ReportTotals.OfRequest(RequestFacts.IdOf(candidate.Request)))]);
        needs.AddRange(candidates.Zip(totals, (candidate, sums) => NeedOf(candidate, Held(sums), rates))
            .OfType<RankedNeed>()
            .Where(need => after is null || need.Key.CompareTo(after) > 0));
        candidates.Clear();
    }

    /// <summary>
    /// The money allocated or proposed to a request (every donor's), per currency, from its totals.
    /// A sum back at zero (its allocations released) is no money held: it names no currency, as no
    /// allocation held would.
    /// </summary>
    private static CurrencyTotals Held(IEnumerable<GroupTotal> sums)
    {
        var held = new CurrencyTotals();
        foreach (var sum in sums.Where(sum => sum.Figure is ReportTotals.Allocated or ReportTotals.Offered && !sum.TotalNanos.IsZero))
        {
            held.Add(sum.CurrencyCode, sum.TotalNanos);
        }

        return held;
    }

    /// <summary>A request with a budget that fits at least one usable pledge: a need unless the money held covers it.</summary>
    private static Candidate? CandidateOf(AssistanceRequest request, IReadOnlyList<PledgeRecord> usable)
    {
        if ((request.ApprovedBudget ?? request.IndicativeBudget) is not { } budget)
        {
            return null;
        }

        var fitting = usable.Where(pledge => EarmarkRules.WhyNotCovered(pledge.Pledge.Earmarks, request.RequestingState, request.ThematicAreas) is null).ToList();
        return fitting.Count == 0 ? null : new Candidate(request, budget, fitting);
    }

    private static RankedNeed? NeedOf(Candidate candidate, CurrencyTotals held, ExchangeRateTable rates)
    {
        var (request, budget, fitting) = candidate;
        if (StillNeeded(budget, held, rates) is not var (stillNeeded, stillNeededUsd) || stillNeeded <= 0)
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

    private sealed record Candidate(AssistanceRequest Request, Google.Type.Money Budget, IReadOnlyList<PledgeRecord> FittingPledges);

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
