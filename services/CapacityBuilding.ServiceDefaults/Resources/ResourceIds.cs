using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>
/// Server-assigned resource ids: UUIDv7 (RFC 9562) in 32 lower-case hex digits. The leading 48
/// bits are the creation time in milliseconds and the next 12 a counter within the millisecond
/// (the RFC's "fixed-length dedicated counter"), so within one process every id sorts after the
/// one before it, which keyset paging over a lexicographic index relies on. Ids of different
/// replicas created in the same millisecond may interleave.
/// </summary>
public static class ResourceIds
{
    private const int CounterBits = 12;
    private const int MaxCounter = (1 << CounterBits) - 1;

    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static string New() => New(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    internal static string New(long nowMilliseconds)
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            if (nowMilliseconds > lastMilliseconds)
            {
                lastMilliseconds = nowMilliseconds;
                // Start low but random, leaving room for thousands of ids in the same millisecond.
                counter = RandomNumberGenerator.GetInt32(0, 1 << (CounterBits - 2));
            }
            else if (++counter > MaxCounter)
            {
                // More ids in one millisecond than the counter holds (or a clock step back):
                // borrow the next millisecond rather than break the order.
                lastMilliseconds++;
                counter = 0;
            }

            milliseconds = lastMilliseconds;
            sequence = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, (milliseconds << 16) | (0x7L << 12) | (uint)sequence);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsWellFormed(string id) =>
        id.Length == 32 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
