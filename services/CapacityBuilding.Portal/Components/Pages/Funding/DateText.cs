using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>Calendar days (google.type.Date) and instants in the user's culture, and days as a date input gives them.</summary>
public static class DateText
{
    // What <input type="date"> sends, whatever the user's culture.
    private const string InputFormat = "yyyy-MM-dd";

    public static string Format(Google.Type.Date? date, CultureInfo culture) =>
        date is { Year: > 0 } ? new DateOnly(date.Year, date.Month, date.Day).ToString("d", culture) : "";

    public static string Format(Timestamp? time, CultureInfo culture) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("d", culture);

    public static Google.Type.Date? Parse(string? input) =>
        DateOnly.TryParseExact(input, InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : null;

    public static string ToInput(DateOnly day) => day.ToString(InputFormat, CultureInfo.InvariantCulture);
}
