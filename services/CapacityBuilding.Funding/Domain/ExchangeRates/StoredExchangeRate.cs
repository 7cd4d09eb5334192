using CapacityBuilding.Funding.Domain.Money;

namespace CapacityBuilding.Funding.Domain.ExchangeRates;

/// <summary>The value in USD of one unit of <paramref name="CurrencyCode"/> from <paramref name="EffectiveDate"/> on.</summary>
public sealed record StoredExchangeRate(string CurrencyCode, DateOnly EffectiveDate, Amount Rate);
