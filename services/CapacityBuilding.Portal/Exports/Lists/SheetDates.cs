using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>A service's timestamp as the day it fell on in UTC, the day the list pages show.</summary>
internal static class SheetDates
{
    public static DateOnly? Day(Timestamp? time) => time is null ? null : DateOnly.FromDateTime(time.ToDateTime());
}
