namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>
/// Server-assigned resource ids: UUIDv7 in 32 lower-case hex digits. The leading 48 bits are
/// the creation time in milliseconds, so ids sort by creation time as strings, which is what
/// keyset paging over a lexicographic index relies on.
/// </summary>
public static class ResourceIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string id) =>
        id.Length == 32 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
