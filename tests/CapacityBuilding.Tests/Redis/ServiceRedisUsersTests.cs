using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Redis;

/// <summary>
/// The suite's services sign in as their own ACL users; Redis logs every command an ACL refuses
/// (<c>ACL LOG</c>). An entry would be a command the client library or our code needs and the
/// production rules take away: the service would fail there in production.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ServiceRedisUsersTests(SuiteFixture suite)
{
    [Fact]
    public async Task No_command_of_a_service_was_refused_by_the_ACL()
    {
        using var admin = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);

        var log = (RedisResult[])(await admin.GetDatabase().ExecuteAsync("ACL", "LOG"))!;

        Assert.Empty(log.Select(entry => entry.ToDictionary()).Select(entry => $"{entry["username"]}: {entry["reason"]} {entry["object"]}"));
    }
}
