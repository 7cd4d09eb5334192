using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Funding per request and for the whole programme (<see cref="TotalsBuilder"/> says what each
/// figure counts); budgets come from the assistance service, the approved one measuring the gap
/// when set. A member state reads the funding of its own country's requests, every donor's part. Groups by
/// thematic area overlap (a request with two areas counts in both); regions are the UN M49
/// sub-regions of the requesting states. A donor's figures are of its own money: its own
/// allocations and disbursements, against the budgets of the requests it funds
/// (<see cref="DonorRequestAccess"/>), so its gap is what its money leaves uncovered; other donors'
/// money is in no figure, not even summed into a total (<see cref="DonorOwnership"/>). The money
/// figures come from the totals the money-moving scripts keep (<see cref="ReportTotals"/>): a few
/// hashes read per report, however many allocations and pledges there are; they are kept per
/// currency and converted here, at the rates of the day asked for. The programme's budgets are
/// the sums assistance keeps (one call, <see cref="AssistanceRequests.GetBudgetTotalsAsync"/>); a
/// donor's are the sums the money-moving scripts keep of the budgets of the requests it funds
/// (<see cref="DonorBudgets"/>, one hash).
/// </summary>
public sealed class FundingReports(
    RedisFundingTotalsRepository totalsStore,
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
        // A member state reads its own country's requests only; another's answers as a missing one.
        if (caller.Role == CallerRole.MemberState && !string.Equals(caller.Country, assistanceRequest.RequestingState, StringComparison.Ordinal))
        {
            throw errors.NotFound(AssistanceRequests.ResourceType, request.AssistanceRequest);
        }

        var totals = new TotalsBuilder();
        totals.AddBudget(assistanceRequest.IndicativeBudget, assistanceRequest.ApprovedBudget);
        var byDonor = new SortedDictionary<string, TotalsBuilder>(StringComparer.Ordinal);
        foreach (var total in await totalsStore.ReadAsync(ReportTotals.OfRequest(requestId)))
        {
            var donorId = total.Group[ReportTotals.DonorPrefix.Length..];
            if (DonorOwnership.Owns(caller, donorId))
            {
                totals.AddTotal(total);
                GroupOf(byDonor, donorId).AddTotal(total);
            }
        }

        var rates = await RatesAsync(asOf);
        var funding = new RequestFunding
        {
            AssistanceRequest = request.AssistanceRequest,
            AsOf = CalendarDates.ToMessage(asOf),
            Totals = Build(totals, rates),
        };
        funding.Donors.AddRange(await ByDonorAsync(byDonor, rates));
        return funding;
    }

    public async Task<FundingSummary> ForProgrammeAsync(GetFundingSummaryRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var asOf = AsOf(request.AsOf);
        var programme = new TotalsBuilder();
        var byTheme = new SortedDictionary<ThematicArea, TotalsBuilder>();
        var byRegion = new SortedDictionary<string, TotalsBuilder>(StringComparer.Ordinal);
        var byDonor = new SortedDictionary<string, TotalsBuilder>(StringComparer.Ordinal);

        if (caller.Role == CallerRole.Donor)
        {
            // A donor's budgets are those of the requests it funds, summed per donor as its money moves.
            foreach (var total in await totalsStore.ReadAsync(DonorBudgets.SumsOf(caller.DonorId!)))
            {
                foreach (var group in GroupsOf(total.Group, programme, byTheme, byRegion, byDonor))
                {
                    group.AddBudgetTotal(total);
                }
            }
        }
        else
        {
            AddBudgets(await assistanceRequests.GetBudgetTotalsAsync(cancellationToken), programme, byTheme, byRegion);
        }

        // A donor's own totals, or every donor's: the same groups, and each donor's figures.
        var totals = await totalsStore.ReadAsync(caller.Role == CallerRole.Donor ? ReportTotals.OfDonor(caller.DonorId!) : ReportTotals.All);
        foreach (var total in totals)
        {
            var groups = GroupsOf(total.Group, programme, byTheme, byRegion, byDonor);
            foreach (var group in caller.Role == CallerRole.Donor && total.Group == ReportTotals.Programme ? groups.Append(GroupOf(byDonor, caller.DonorId!)) : groups)
            {
                group.AddTotal(total);
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
        summary.Donors.AddRange(await ByDonorAsync(byDonor, rates));
        return summary;
    }

    /// <summary>The programme's budgets as assistance sums them, in the same groups as the money.</summary>
    private static void AddBudgets(
        Contracts.Assistance.V1.GetBudgetTotalsResponse budgets, TotalsBuilder programme,
        SortedDictionary<ThematicArea, TotalsBuilder> byTheme, SortedDictionary<string, TotalsBuilder> byRegion)
    {
        programme.AddBudgets(budgets.Programme);
        foreach (var area in budgets.ThematicAreas)
        {
            GroupOf(byTheme, area.ThematicArea).AddBudgets(area.Totals);
        }

        foreach (var region in budgets.Regions)
        {
            GroupOf(byRegion, region.RegionCode).AddBudgets(region.Totals);
        }
    }

    private async Task<IEnumerable<FundingSummary.Types.DonorFunding>> ByDonorAsync(SortedDictionary<string, TotalsBuilder> byDonor, ExchangeRateTable rates)
    {
        var donorsById = await donors.GetManyAsync(byDonor.Keys);
        return [.. byDonor.Select(entry => new FundingSummary.Types.DonorFunding
        {
            Donor = FundingNames.Donor.Format(entry.Key),
            DisplayName = donorsById.GetValueOrDefault(entry.Key)?.DisplayName ?? string.Empty,
            Totals = Build(entry.Value, rates),
        })];
    }

    /// <summary>Where a total of <see cref="ReportTotals"/> goes in the summary, by its group's name.</summary>
    private static IEnumerable<TotalsBuilder> GroupsOf(
        string group, TotalsBuilder programme, SortedDictionary<ThematicArea, TotalsBuilder> byTheme,
        SortedDictionary<string, TotalsBuilder> byRegion, SortedDictionary<string, TotalsBuilder> byDonor)
    {
        if (group == ReportTotals.Programme)
        {
            yield return programme;
        }
        else if (group.StartsWith(ReportTotals.ThemePrefix, StringComparison.Ordinal))
        {
            yield return GroupOf(byTheme, Enum.Parse<ThematicArea>(group[ReportTotals.ThemePrefix.Length..]));
        }
        else if (group.StartsWith(ReportTotals.RegionPrefix, StringComparison.Ordinal))
        {
            yield return GroupOf(byRegion, group[ReportTotals.RegionPrefix.Length..]);
        }
        else if (group.StartsWith(ReportTotals.DonorPrefix, StringComparison.Ordinal))
        {
            yield return GroupOf(byDonor, group[ReportTotals.DonorPrefix.Length..]);
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
