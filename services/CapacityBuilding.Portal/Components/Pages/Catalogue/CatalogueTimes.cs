using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// Session times as the catalogue shows and takes them: in UTC (the portal does not know where the
/// reader is; the labels say UTC), formatted by the current culture, entered in a
/// <c>datetime-local</c> input, whose value is culture-free <c>yyyy-MM-ddTHH:mm</c>.
/// </summary>
public static class CatalogueTimes
{
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Show(Timestamp? time) => time is null ? "" : time.ToDateTimeOffset().ToString("g", CultureInfo.CurrentCulture);

    public static string ShowDate(Timestamp? time) => time is null ? "" : time.ToDateTimeOffset().ToString("d", CultureInfo.CurrentCulture);

    public static string ToInput(Timestamp? time) => time is null ? "" : time.ToDateTimeOffset().ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>The input's value as a UTC timestamp; null when empty or not a time, which the service then reports as missing.</summary>
    public static Timestamp? FromInput(string? value) =>
        DateTime.TryParseExact(value, InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? Timestamp.FromDateTime(time)
            : null;
}
