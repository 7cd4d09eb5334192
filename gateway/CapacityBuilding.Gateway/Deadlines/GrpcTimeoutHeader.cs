using System.Globalization;

namespace CapacityBuilding.Gateway.Deadlines;

/// <summary>
/// The <c>grpc-timeout</c> header of the gRPC HTTP/2 protocol: at most 8 digits and a unit
/// (H, M, S, m, u, n).
/// </summary>
internal static class GrpcTimeoutHeader
{
    public const string Name = "grpc-timeout";

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is not { Length: >= 2 and <= 9 } || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        timeout = TimeSpan.FromTicks(ticks ?? 0);
        return ticks is not null;
    }

    /// <summary>Whole milliseconds, rounded down, at least one.</summary>
    public static string Format(TimeSpan timeout) =>
        Math.Max(1, (long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "m";
}
