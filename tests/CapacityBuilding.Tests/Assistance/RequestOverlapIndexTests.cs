using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The overlap index (docs/assistance.md, "Approval: overlaps with active requests"): active
/// requests stored before it are added to it once when assistance starts, so that their overlaps
/// are found through it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestOverlapIndexTests(SuiteFixture suite)
{
    // Named after the active states (ActiveRequests.States), so that a changed set builds the index again.
    private const string Built = "assistance:migrations:request-overlap-index:Approved+InDelivery+Suspended";
    private const string PreventionInGhana = "assistance:requests:overlap-index:GHA:Prevention";

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "overlap-index-coordinator");

    [Fact]
    public async Task Active_requests_stored_before_the_index_are_added_to_it_when_assistance_starts()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        var year = IntakeSamples.NewYear();
        var approved = await driver.CreateInStateAsync(State.Approved, Prevention(year));
        var delivering = await driver.CreateInStateAsync(State.InDelivery, Prevention(year));
        var pending = await driver.CreateInStateAsync(State.UnderReview, Prevention(year));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        var stored = await MembersOfAsync(database, approved, delivering);
        Assert.Equal(2, stored.Length);
        await database.SortedSetRemoveAsync(PreventionInGhana, stored);
        await database.KeyDeleteAsync(Built);

        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress));
        await using (process)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!await database.KeyExistsAsync(Built) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(stored.Order(), (await MembersOfAsync(database, approved, delivering)).Order());
            var restarted = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), suite.CoordinatorToken));
            var overlaps = (await restarted.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = pending.Name })).Overlaps;
            Assert.Equal([delivering.Name, approved.Name], overlaps.Select(overlap => overlap.AssistanceRequest));
        }
    }

    /// <summary>The index members of <paramref name="requests"/>: <c>{start}:{end}:{id}</c>.</summary>
    private static async Task<RedisValue[]> MembersOfAsync(IDatabase database, params AssistanceRequest[] requests)
    {
        var ids = requests.Select(request => request.Name["requests/".Length..]).ToList();
        return [.. (await database.SortedSetRangeByRankAsync(PreventionInGhana)).Where(member => ids.Any(id => ((string)member!).EndsWith(":" + id, StringComparison.Ordinal)))];
    }

    private static AssistanceRequest Prevention(int year)
    {
        var request = IntakeSamples.InYear("GHA", year);
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(ThematicArea.Prevention);
        return request;
    }
}
