using System.Net;
using System.Net.Sockets;
using System.Text;
using CapacityBuilding.Testing;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Redis;

/// <summary>
/// The Redis ACL of <see cref="RedisAcl"/> (production's): a service's user reaches its own keys
/// and nothing else, and the commands that wipe, list or reconfigure the server are refused. That
/// the services work under it end to end is what the rest of the suite shows.
/// </summary>
public sealed class RedisAclTests : IAsyncLifetime
{
    private RedisServer server = null!;
    private ConnectionMultiplexer assistance = null!;

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartAsync();
        assistance = await ConnectionMultiplexer.ConnectAsync(server.ConnectionStringFor("assistance"));
    }

    public async Task DisposeAsync()
    {
        await assistance.DisposeAsync();
        await server.DisposeAsync();
    }

    public static TheoryData<string, string, object[], string> RefusedToAssistance => new()
    {
        // what, command, arguments, Redis' refusal
        { "read another service's key", "GET", ["funding:allocations:1"], "NOPERM" },
        { "write another service's key", "SET", ["funding:allocations:1", "{}"], "NOPERM" },
        { "hash of another service", "HGETALL", ["training:courses:1"], "NOPERM" },
        { "another service's key from a script", "EVAL", ["return redis.call('GET', KEYS[1])", 1, "funding:allocations:1"], "NOPERM" },
        { "an undeclared key from a script", "EVAL", ["return redis.call('GET', 'funding:allocations:1')", 0], "can't access" },
        { "list every key", "KEYS", ["*"], "NOPERM" },
        { "wipe the server", "FLUSHALL", [], "NOPERM" },
        { "wipe the database", "FLUSHDB", [], "NOPERM" },
        { "read the configuration", "CONFIG", ["GET", "requirepass"], "NOPERM" },
        { "change the ACL", "ACL", ["SETUSER", "assistance", "~*"], "NOPERM" },
        { "stop the server", "SHUTDOWN", [], "NOPERM" },
        { "empty the script cache", "SCRIPT", ["FLUSH"], "NOPERM" },
        { "listen to key events", "SUBSCRIBE", ["__keyspace@0__:funding:*"], "NOPERM" },
    };

    [Theory]
    [MemberData(nameof(RefusedToAssistance))]
    public async Task The_assistance_user_is_refused(string what, string command, object[] arguments, string refusal)
    {
        var refused = await Assert.ThrowsAsync<RedisServerException>(() => assistance.GetDatabase().ExecuteAsync(command, arguments));

        Assert.True(refused.Message.Contains(refusal, StringComparison.Ordinal), $"{what}: {refused.Message}");
    }

    [Fact]
    public async Task The_assistance_user_reads_and_writes_its_own_keys_and_runs_scripts_on_them()
    {
        var database = assistance.GetDatabase();

        Assert.True(await database.StringSetAsync("assistance:acl-test", "1"));
        Assert.Equal("1", (string?)await database.ScriptEvaluateAsync("return redis.call('GET', KEYS[1])", ["assistance:acl-test"]));
    }

    [Fact]
    public async Task The_default_user_is_off()
    {
        // A bare connection, as any pod that reaches the port would open: without signing in as
        // a user, every command is refused.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.ASCII);

        Assert.StartsWith("-NOAUTH", await reader.ReadLineAsync(), StringComparison.Ordinal);
    }
}
