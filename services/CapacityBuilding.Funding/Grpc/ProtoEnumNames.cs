using System.Reflection;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Funding.Grpc;

/// <summary>An enum value as the contract spells it (<c>STATE_UNDER_REVIEW</c>), for errors callers read.</summary>
public static class ProtoEnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
