using Google.Type;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Cell values as the contracts' types; an absent value stays absent, so the service says whether it is required.</summary>
public static class ImportValues
{
    public static Date? Date(DateOnly? day) => day is { } value ? new Date { Year = value.Year, Month = value.Month, Day = value.Day } : null;

    public static Money? Money((long Units, int Nanos)? amount, string currency) =>
        amount is null && currency.Length == 0
            ? null
            : new Money { Units = amount?.Units ?? 0, Nanos = amount?.Nanos ?? 0, CurrencyCode = currency.ToUpperInvariant() };

    /// <summary>A parent named in full (<c>donors/abc</c>) or by its id (<c>abc</c>).</summary>
    public static string ResourceName(string collection, string text) =>
        text.Length == 0 || text.StartsWith(collection + "/", StringComparison.Ordinal) ? text : $"{collection}/{text}";

    public static IEnumerable<(string Code, string Name)> Listed<TValue>(CodeList<TValue> list)
        where TValue : notnull => list.Entries.Select(entry => (entry.Code, entry.Name));
}
