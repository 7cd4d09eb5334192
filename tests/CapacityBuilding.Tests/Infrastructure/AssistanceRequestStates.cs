using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>
/// Puts an assistance request into a lifecycle state by editing the assistance service's stored
/// document in the tests' Redis. Only for funding's tests, and only because the assistance API
/// has no Submit/Review yet (branch <c>assistance</c>); once it has, approve through the API.
/// </summary>
internal static class AssistanceRequestStates
{
    public static async Task SetAsync(SuiteFixture suite, string requestName, string state)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = connection.GetDatabase();
        var key = $"assistance:{requestName.Replace('/', ':')}";
        var document = JsonNode.Parse((string)(await database.StringGetAsync(key))!)!;
        document["State"] = state;
        await database.StringSetAsync(key, document.ToJsonString());
    }
}
