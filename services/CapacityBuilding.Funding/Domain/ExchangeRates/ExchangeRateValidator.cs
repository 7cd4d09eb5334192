using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.ExchangeRates;

/// <summary>
/// Checks what a batch of exchange rates needs beyond its annotations (currencies from the ISO 4217
/// list, money and dates as the suite reads them, one rate per currency and day); a single bad
/// rate refuses the whole batch.
/// </summary>
public sealed class ExchangeRateValidator(ApiErrors errors) : IRequestRules<LoadExchangeRatesRequest>
{
    /// <summary>The proto's <c>max_items</c>: the rates of a larger batch are not checked one by one.</summary>
    public const int MaxBatchSize = 5_000;

    public IReadOnlyList<StoredExchangeRate> ValidateLoad(LoadExchangeRatesRequest request)
    {
        var violations = new FieldViolations();
        var rates = Check(request, violations);
        violations.ThrowIfAny(errors);
        return rates;
    }

    public void AddViolations(LoadExchangeRatesRequest request, FieldViolations violations) => Check(request, violations);

    private static List<StoredExchangeRate> Check(LoadExchangeRatesRequest request, FieldViolations violations)
    {
        var rates = new List<StoredExchangeRate>();
        var seen = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < request.ExchangeRates.Count && i < MaxBatchSize; i++)
        {
            var field = $"exchange_rates[{i}]";
            var rate = request.ExchangeRates[i];
            var currencyKnown = CurrencyCodes.IsActive(rate.CurrencyCode);
            if (!currencyKnown)
            {
                violations.Add($"{field}.currency_code", "is not an ISO 4217 currency code.");
            }
            else if (rate.CurrencyCode == ExchangeRateTable.ReportingCurrency)
            {
                violations.Add($"{field}.currency_code", "is the reporting currency, which needs no rate.");
            }

            var day = violations.Require($"{field}.effective_date", rate.EffectiveDate);
            violations.RequirePositiveMoney($"{field}.rate", rate.Rate);
            if (rate.Rate is { } value && value.CurrencyCode != ExchangeRateTable.ReportingCurrency && CurrencyCodes.IsActive(value.CurrencyCode))
            {
                violations.Add($"{field}.rate.currency_code", $"must be {ExchangeRateTable.ReportingCurrency}, the reporting currency.");
            }

            if (day is { } effective && currencyKnown && !seen.Add((rate.CurrencyCode, effective)))
            {
                violations.Add(field, $"repeats the rate of {rate.CurrencyCode} on {effective:yyyy-MM-dd}.");
            }

            if (day is { } date && rate.Rate is { } money)
            {
                rates.Add(new StoredExchangeRate(rate.CurrencyCode, date, Amount.Of(money)));
            }
        }

        return rates;
    }
}
