using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The exchange-rate table (<see cref="ExchangeRatesPage"/>) with its currency filter, by currency
/// and then by day; the rate is money in US dollars, so an amount and its currency.
/// </summary>
public sealed class ExchangeRatesSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings)
    : ListSheet<ExchangeRate>
{
    public override string Name => "exchange-rates";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<ExchangeRate>> Columns() =>
    [
        new(strings["Currency"], rate => SheetCell.Of(rate.CurrencyCode)),
        new(strings["RateFrom"], rate => SheetCell.Of(CalendarDates.TryParse(rate.EffectiveDate))),
        .. MoneyColumns.Of<ExchangeRate>(strings["RateInUsd"], strings["Currency"], rate => rate.Rate),
    ];

    // The rpc answers the whole table at once (no pages), which ends the walk after one call.
    protected override IAsyncEnumerable<ExchangeRate> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        return ServicePages.AllAsync(
            (_, cancel) => client.ListExchangeRatesAsync(ExchangeRatesPage.ListRequest(filters["currency"]), cancellationToken: cancel).ResponseAsync,
            page => page.ExchangeRates, _ => "", cancellation);
    }
}
