using System.Globalization;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// The exchange-rate table in Redis. Keys, all under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>exchange-rates:{currency}</c>: hash from effective day (<c>yyyy-MM-dd</c>) to the
/// value of one unit in USD as <c>{units}:{nanos}</c>.</item>
/// <item><c>exchange-rates:currencies</c>: set of the currencies that have rates.</item>
/// </list>
/// </summary>
public sealed class RedisExchangeRateRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Currencies = "exchange-rates:currencies";

    private readonly IDatabase database = keyspace.Database;

    /// <summary>Stores every rate or none (one MULTI/EXEC transaction).</summary>
    public async Task LoadAsync(IReadOnlyList<StoredExchangeRate> rates)
    {
        var transaction = database.CreateTransaction();
        var writes = new List<Task>();
        foreach (var group in rates.GroupBy(rate => rate.CurrencyCode, StringComparer.Ordinal))
        {
            writes.Add(transaction.SetAddAsync(Currencies, group.Key));
            writes.Add(transaction.HashSetAsync(KeyOf(group.Key),
                [.. group.Select(rate => new HashEntry(DayText(rate.EffectiveDate), $"{rate.Rate.UnitsText}:{rate.Rate.NanosText}"))]));
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("The exchange-rate transaction was not executed.");
        }

        await Task.WhenAll(writes);
    }

    /// <summary>Every rate, or those of one currency, by currency and then by day.</summary>
    public async Task<IReadOnlyList<StoredExchangeRate>> ListAsync(string? currencyCode = null)
    {
        var currencies = currencyCode is null
            ? [.. (await database.SetMembersAsync(Currencies)).Select(value => (string)value!)]
            : new[] { currencyCode };
        var tables = await Task.WhenAll(currencies.Select(async currency => (Currency: currency, Entries: await database.HashGetAllAsync(KeyOf(currency)))));
        return
        [
            .. tables
                .SelectMany(table => table.Entries.Select(entry => Parse(table.Currency, entry)))
                .OrderBy(rate => rate.CurrencyCode, StringComparer.Ordinal)
                .ThenBy(rate => rate.EffectiveDate),
        ];
    }

    private static StoredExchangeRate Parse(string currencyCode, HashEntry entry)
    {
        var parts = ((string)entry.Value!).Split(':');
        return new StoredExchangeRate(
            currencyCode,
            DateOnly.ParseExact((string)entry.Name!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Amount.Parse(parts[0], parts[1]));
    }

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RedisKey KeyOf(string currencyCode) => $"exchange-rates:{currencyCode}";
}
