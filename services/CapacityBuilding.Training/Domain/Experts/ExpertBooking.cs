using CapacityBuilding.Training.Domain.Calendar;

namespace CapacityBuilding.Training.Domain.Experts;

/// <summary>
/// An event that books an expert, as the booking index keeps it: its days and the country of the
/// request it serves (which member state may see the expert).
/// </summary>
public sealed record ExpertBooking(string EventId, DayRange Days, string Country)
{
    /// <summary>The index's value: <c>{first day number}|{last day number}|{country}</c>, which the Lua scripts compare.</summary>
    public string ToIndexValue() => $"{Days.Start.DayNumber}|{Days.End.DayNumber}|{Country}";

    public static ExpertBooking FromIndex(string eventId, string value)
    {
        var parts = value.Split('|');
        return new ExpertBooking(eventId, new DayRange(DateOnly.FromDayNumber(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)), DateOnly.FromDayNumber(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))), parts[2]);
    }
}
