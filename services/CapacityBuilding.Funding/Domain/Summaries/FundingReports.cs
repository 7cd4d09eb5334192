using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Funding per request and for the whole programme. Allocated counts active allocations only;
/// disbursed counts every disbursement; budgets come from the assistance service. Groups by
/// thematic area overlap (a request with two areas counts in both); regions are the UN M49
/// sub-regions of the requesting states. A donor's figures are of its own money: its own
/// allocations and disbursements, against the budgets of the requests it funds
/// (<see cref="DonorRequestAccess"/>), so its gap is what its money leaves uncovered; other donors'
/// money is in no figure, not even summed into a total (<see cref="DonorOwnership"/>).
/// </summary>
public sealed class FundingReports(
    RedisAllocationRepository allocations,
    RedisDonorRepository donors,
    RedisExchangeRateRepository exchangeRates,
    AssistanceRequests assistanceRequests,
    DonorRequestAccess requestAccess,
    ApiErrors errors,
    TimeProvider clock)
{
    public async Task<RequestFunding> ForRequestAsync(GetRequestFundingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var requestId = FundingNames.AssistanceRequest.Parse(request.AssistanceRequest, "assistance_request", errors).RequestId;
        var asOf = AsOf(request.AsOf);
        if (!await requestAccess.MaySeeAsync(caller, requestId))
        {
            throw errors.NotFound(AssistanceRequests.ResourceType, request.AssistanceRequest);
        }

        var assistanceRequest = await assistanceRequests.GetAsync(request.AssistanceRequest, cancellationToken);
        var totals = new TotalsBuilder();
        if (RequestFacts.IndicativeBudget(assistanceRequest) is { } budget)
        {
            totals.AddBudget(budget);
        }

        await foreach (var allocation in allocations.AllAsync(requestId))
        {
            if (DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
            {
                AddAllocation(totals, allocation);
            }
        }

        return new RequestFunding
        {
            AssistanceRequest = request.AssistanceRequest,
            AsOf = CalendarDates.ToMessage(asOf),
            Totals = Build(totals, await RatesAsync(asOf)),
        };
    }

    public async Task<FundingSummary> ForProgrammeAsync(GetFundingSummaryRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var visible = await requestAccess.VisibleToAsync(caller);
        var asOf = AsOf(request.AsOf);
        var programme = new TotalsBuilder();
        var byTheme = new SortedDictionary<ThematicArea, TotalsBuilder>();
        var byRegion = new SortedDictionary<string, TotalsBuilder>(StringComparer.Ordinal);
        var byDonor = new SortedDictionary<string, TotalsBuilder>(StringComparer.Ordinal);

        foreach (var assistanceRequest in await assistanceRequests.ListInStatesAsync(RequestFacts.FundedStates, cancellationToken))
        {
            if (RequestFacts.IndicativeBudget(assistanceRequest) is not { } budget || visible?.Contains(RequestFacts.IdOf(assistanceRequest)) == false)
            {
                continue;
            }

            foreach (var group in GroupsOf(assistanceRequest.RequestingState, assistanceRequest.ThematicAreas, byTheme, byRegion).Append(programme))
            {
                group.AddBudget(budget);
            }
        }

        await foreach (var allocation in allocations.AllAsync())
        {
            if (!DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
            {
                continue;
            }

            var groups = GroupsOf(allocation.Allocation.RequestingState, allocation.Allocation.ThematicAreas, byTheme, byRegion)
                .Append(programme)
                .Append(GroupOf(byDonor, allocation.Allocation.DonorId));
            foreach (var group in groups)
            {
                AddAllocation(group, allocation);
            }
        }

        var rates = await RatesAsync(asOf);
        var summary = new FundingSummary { AsOf = CalendarDates.ToMessage(asOf), Programme = Build(programme, rates) };
        summary.ThematicAreas.AddRange(byTheme.Select(entry =>
            new FundingSummary.Types.ThematicAreaFunding { ThematicArea = entry.Key, Totals = Build(entry.Value, rates) }));
        summary.Regions.AddRange(byRegion.Select(entry => new FundingSummary.Types.RegionFunding
        {
            RegionCode = entry.Key,
            RegionName = M49Regions.NameOf(entry.Key) ?? string.Empty,
            Totals = Build(entry.Value, rates),
        }));
        var donorsById = await donors.GetManyAsync(byDonor.Keys);
        foreach (var (donorId, totals) in byDonor)
        {
            summary.Donors.Add(new FundingSummary.Types.DonorFunding
            {
                Donor = FundingNames.Donor.Format(donorId),
                DisplayName = donorsById.GetValueOrDefault(donorId)?.DisplayName ?? string.Empty,
                Totals = Build(totals, rates),
            });
        }

        return summary;
    }

    private static void AddAllocation(TotalsBuilder totals, AllocationRecord allocation)
    {
        if (allocation.Ledger.State == AllocationState.Active)
        {
            totals.AddAllocated(allocation.Allocation.CurrencyCode, allocation.Ledger.Amount);
        }

        totals.AddDisbursed(allocation.Allocation.CurrencyCode, allocation.Ledger.Disbursed);
    }

    private static IEnumerable<TotalsBuilder> GroupsOf(
        string requestingState, IEnumerable<ThematicArea> thematicAreas,
        SortedDictionary<ThematicArea, TotalsBuilder> byTheme, SortedDictionary<string, TotalsBuilder> byRegion)
    {
        foreach (var thematicArea in thematicAreas.Distinct())
        {
            yield return GroupOf(byTheme, thematicArea);
        }

        if (M49Regions.Of(requestingState) is { } region)
        {
            yield return GroupOf(byRegion, region.SubRegionCode);
        }
    }

    private static TotalsBuilder GroupOf<TKey>(SortedDictionary<TKey, TotalsBuilder> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = new TotalsBuilder();
            groups.Add(key, group);
        }

        return group;
    }

    private DateOnly AsOf(Google.Type.Date? requested)
    {
        if (requested is null)
        {
            return CalendarDates.Today(clock);
        }

        return CalendarDates.TryParse(requested) ?? throw errors.InvalidArgument("as_of", "is not a calendar day.");
    }

    /// <summary>
    /// The group's totals; FAILED_PRECONDITION (reason <c>TOTAL_OUT_OF_RANGE</c>) when one of them
    /// is beyond what google.type.Money can carry (64-bit units), rather than a rounded or wrapped figure.
    /// </summary>
    private FundingTotals Build(TotalsBuilder totals, ExchangeRateTable rates)
    {
        try
        {
            return totals.Build(rates);
        }
        catch (MoneyOutOfRangeException exception)
        {
            throw errors.FailedPrecondition(ErrorReasons.TotalOutOfRange,
                $"A total in {exception.CurrencyCode} is beyond what google.type.Money can carry (units are 64-bit); the figures cannot be given exactly.",
                new Dictionary<string, string> { ["currency_code"] = exception.CurrencyCode });
        }
    }

    private async Task<ExchangeRateTable> RatesAsync(DateOnly asOf) => new(await exchangeRates.ListAsync(), asOf);
}
