using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>Dates, times and money of a request as the reader's culture writes them.</summary>
public static class RequestFormats
{
    /// <summary>A calendar date in the culture's long form (<c>1 mars 2027</c>); empty when unset.</summary>
    public static string Date(Date? date) => RequestFormMessages.DateOnlyOf(date)?.ToString("D", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A moment in the culture's short date and time, in UTC, as the service records it.</summary>
    public static string Time(Timestamp? time) => time?.ToDateTimeOffset().ToString("g", CultureInfo.CurrentCulture) ?? "";

    /// <summary>An amount in the culture's currency pattern, with the ISO 4217 code for the symbol (<c>1 234,50 USD</c>).</summary>
    public static string Money(Money money)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = money.CurrencyCode;
        return RequestFormMessages.AmountOf(money).ToString("C", format);
    }

    public static string Number(int number) => number.ToString("N0", CultureInfo.CurrentCulture);
}
