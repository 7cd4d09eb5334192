using System.Reflection;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// Enum values as callers know them from the proto (<c>COURSE_STATUS_RETIRED</c>), for error
/// messages; stored documents hold the C# names (<c>Retired</c>).
/// </summary>
public static class ProtoEnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>The proto name of a value stored by its C# name.</summary>
    public static string OfStored<TEnum>(string storedName)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(storedName, out var value) ? Of(value) : storedName;
}
