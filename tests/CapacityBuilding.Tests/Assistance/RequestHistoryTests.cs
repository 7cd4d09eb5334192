using System.Text.Json.Nodes;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The history is a hash chain written with each change. These tests edit it behind the
/// service's back, straight in Redis, and expect VerifyAssistanceRequestHistory to point at the
/// first broken link.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestHistoryTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "history-coordinator");

    [Fact]
    public async Task History_records_every_change_in_order_linked_by_hashes()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(State.Completed);

        var history = await driver.HistoryAsync(request.Name);

        Assert.Equal(
            [Action.Create, Action.Submit, Action.BeginReview, Action.Approve, Action.StartDelivery, Action.Complete],
            history.Select(entry => entry.Action));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), history.Select(entry => entry.Sequence));
        Assert.Equal(new string('0', 64), history[0].PreviousHash);
        Assert.All(history.Skip(1).Zip(history), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(history, entry => Assert.Equal("history-coordinator", entry.Actor));
        Assert.Equal(State.Completed, history[^1].ToState);
        var verdict = await VerifyAsync(request.Name);
        Assert.Equal((true, 6L, 0L), (verdict.Intact, verdict.CheckedEntries, verdict.FirstBrokenSequence));
    }

    public static TheoryData<string, Func<IDatabase, RedisKey, Task>, long> Tamperings => new()
    {
        { "reason rewritten", (redis, key) => EditEntryAsync(redis, key, 2, entry => entry["Reason"] = "nothing to see here"), 2 },
        { "actor rewritten", (redis, key) => EditEntryAsync(redis, key, 3, entry => entry["Actor"] = "someone else"), 3 },
        { "state rewritten", (redis, key) => EditEntryAsync(redis, key, 4, entry => entry["ToState"] = "Rejected"), 4 },
        {
            "entry rewritten with a fresh hash of its own",
            (redis, key) => EditEntryAsync(redis, key, 2, entry => { entry["Reason"] = "forged"; entry["Hash"] = new string('a', 64); }),
            2
        },
        { "entry removed from the middle", async (redis, key) => await redis.ListRemoveAsync(key, await redis.ListGetByIndexAsync(key, 2)), 3 },
        { "last entry cut off", async (redis, key) => await redis.ListRightPopAsync(key), 4 },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verify_reports_the_first_broken_link_after_tampering(string @case, Func<IDatabase, RedisKey, Task> tamper, long firstBroken)
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(State.Approved);
        Assert.True((await VerifyAsync(request.Name)).Intact, @case);

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        await tamper(redis.GetDatabase(), HistoryKeyOf(request.Name));

        var verdict = await VerifyAsync(request.Name);
        Assert.False(verdict.Intact);
        Assert.Equal(firstBroken, verdict.FirstBrokenSequence);
        Assert.NotEmpty(verdict.Problem);
    }

    [Fact]
    public async Task History_of_a_missing_request_is_not_found()
    {
        await RichErrors.FailsWith(Grpc.Core.StatusCode.NotFound, () =>
            assistance.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = "requests/0123456789abcdef0123456789abcdef" }).ResponseAsync);
        await RichErrors.FailsWith(Grpc.Core.StatusCode.NotFound, () =>
            assistance.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = "requests/0123456789abcdef0123456789abcdef" }).ResponseAsync);
    }

    private async Task<VerifyAssistanceRequestHistoryResponse> VerifyAsync(string name) =>
        await assistance.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = name });

    private static RedisKey HistoryKeyOf(string name) => $"assistance:requests:{name["requests/".Length..]}:history";

    private static async Task EditEntryAsync(IDatabase redis, RedisKey key, long sequence, Action<JsonObject> edit)
    {
        var entry = JsonNode.Parse((string)(await redis.ListGetByIndexAsync(key, sequence - 1))!)!.AsObject();
        edit(entry);
        await redis.ListSetByIndexAsync(key, sequence - 1, entry.ToJsonString());
    }
}
