using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Puts one kept funding total past google.type.Money's range and takes it back when disposed.
/// No input can do it any more (every amount is at most MoneyLimits.MaxUnits), but totals kept
/// before that bound can be, and reading them must still be a clear refusal: the figure is raised
/// by 10^10 billions of units (10^19 &gt; long.MaxValue) in the field the scripts keep
/// (<c>{group}|{currency}|{figure}|g</c>, Repositories/ReportTotals.cs).
/// </summary>
internal sealed class TotalsBeyondRange : IAsyncDisposable
{
    private const long TenBillionBillions = 10_000_000_000;

    private readonly ConnectionMultiplexer redis;
    private readonly RedisKey key;
    private readonly RedisValue field;

    private TotalsBeyondRange(ConnectionMultiplexer redis, RedisKey key, RedisValue field)
    {
        this.redis = redis;
        this.key = key;
        this.field = field;
    }

    /// <summary>The whole programme's allocated USD (<c>funding:totals:all</c>): every coordinator's summary is then refused.</summary>
    public static Task<TotalsBeyondRange> ProgrammeAsync(SuiteFixture suite) =>
        RaiseAsync(suite, "funding:totals:all", "programme|USD|allocated|g");

    /// <summary>The USD allocated to <paramref name="requestId"/> by <paramref name="donorId"/>.</summary>
    public static Task<TotalsBeyondRange> RequestAsync(SuiteFixture suite, string requestId, string donorId) =>
        RaiseAsync(suite, $"funding:totals:requests:{requestId}", $"donor:{donorId}|USD|allocated|g");

    private static async Task<TotalsBeyondRange> RaiseAsync(SuiteFixture suite, RedisKey key, RedisValue field)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        await redis.GetDatabase().HashIncrementAsync(key, field, TenBillionBillions);
        return new TotalsBeyondRange(redis, key, field);
    }

    public async ValueTask DisposeAsync()
    {
        await redis.GetDatabase().HashDecrementAsync(key, field, TenBillionBillions);
        await redis.DisposeAsync();
    }
}
