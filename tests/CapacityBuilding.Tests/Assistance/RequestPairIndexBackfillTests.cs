using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Requests stored before the filter-pair indexes reach them when assistance starts, once: a
/// listing by two filters (answered from their pair's set) finds them, and a second run of the
/// backfill changes nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestPairIndexBackfillTests(SuiteFixture suite)
{
    private const string Country = "MNG";
    private const string Marker = "assistance:migrations:request-pair-index";

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "pair-backfill-coordinator");

    [Fact]
    public async Task A_process_starting_on_older_data_adds_its_requests_to_the_pair_indexes_once()
    {
        var created = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest(Country));
        var id = created.Name["requests/".Length..];
        var pairs = new (RedisKey Key, string Member)[]
        {
            ($"assistance:requests:index:country:{Country}:state:{State.Submitted}", id),
            ($"assistance:requests:priority-index:country:{Country}:state:{State.Submitted}", $"{created.PriorityScore:D3}:{id}"),
        };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        Assert.All(await Task.WhenAll(pairs.Select(pair => database.SortedSetScoreAsync(pair.Key, pair.Member))), score => Assert.NotNull(score));
        // The data as a version without the pair indexes left it.
        await Task.WhenAll(pairs.Select(pair => database.SortedSetRemoveAsync(pair.Key, pair.Member)));
        await database.KeyDeleteAsync(Marker);

        var sizes = await BackfillAsync(database, pairs, async restarted =>
        {
            foreach (var order in (string[])["create_time desc", "priority_score desc"])
            {
                var listed = await restarted.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { RequestingState = Country, State = State.Submitted, OrderBy = order, PageSize = 500 });
                Assert.Contains(created.Name, listed.AssistanceRequests.Select(request => request.Name));
            }
        });
        Assert.All(await Task.WhenAll(pairs.Select(pair => database.SortedSetScoreAsync(pair.Key, pair.Member))), score => Assert.NotNull(score));

        await database.KeyDeleteAsync(Marker);
        Assert.Equal(sizes, await BackfillAsync(database, pairs, _ => Task.CompletedTask));
    }

    /// <summary>Starts an assistance process of the test's own, waits for its backfill's marker, then runs <paramref name="whenDone"/> against it; the pair sets' sizes after.</summary>
    private async Task<long[]> BackfillAsync(IDatabase database, (RedisKey Key, string Member)[] pairs, Func<AssistanceService.AssistanceServiceClient, Task> whenDone)
    {
        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress));
        await using (process)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await database.KeyExistsAsync(Marker) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(await database.KeyExistsAsync(Marker), "the backfill did not finish");
            await whenDone(new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), suite.CoordinatorToken)));
            return await Task.WhenAll(pairs.Select(pair => database.SortedSetLengthAsync(pair.Key)));
        }
    }
}
