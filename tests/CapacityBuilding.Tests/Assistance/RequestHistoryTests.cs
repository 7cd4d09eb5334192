using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
            [Action.Create, Action.Submit, Action.BeginReview, Action.Approve, Action.StartDelivery, Action.ResultsUpdate, Action.Complete],
            history.Select(entry => entry.Action));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), history.Select(entry => entry.Sequence));
        Assert.Equal(new string('0', 64), history[0].PreviousHash);
        Assert.All(history.Skip(1).Zip(history), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(history, entry => Assert.Equal("history-coordinator", entry.Actor));
        Assert.Equal(State.Completed, history[^1].ToState);
        var verdict = await VerifyAsync(request.Name);
        Assert.Equal((true, 7L, 0L), (verdict.Intact, verdict.CheckedEntries, verdict.FirstBrokenSequence));
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

    public static TheoryData<string, Action<JsonObject>> RequestEdits => new()
    {
        { "title rewritten", request => request["Title"] = "a different need" },
        { "requesting state moved to another country", request => request["RequestingState"] = "KEN" },
        { "state set without a lifecycle action", request => request["State"] = "Completed" },
        { "focal point's e-mail replaced", request => request["FocalPoint"]!["Email"] = "attacker@example.org" },
    };

    /// <summary>Whoever can write to Redis can edit a request without touching its history; its latest entry's content digest no longer matches.</summary>
    [Theory]
    [MemberData(nameof(RequestEdits))]
    public async Task Verify_reports_a_request_edited_behind_its_history(string @case, Action<JsonObject> edit)
    {
        var driver = new RequestLifecycleDriver(assistance);
        // A country no other test lists: while the request is edited, the indexes disagree with it.
        var request = await driver.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest("MNG"));
        Assert.True((await VerifyAsync(request.Name)).Intact, @case);

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        RedisKey key = $"assistance:{request.Name.Replace('/', ':')}";
        var original = await database.StringGetAsync(key);
        var stored = JsonNode.Parse((string)original!)!.AsObject();
        edit(stored);
        await database.StringSetAsync(key, stored.ToJsonString());

        var verdict = await VerifyAsync(request.Name);
        // The indexes still list the request as it was: put it back so that other tests' listings stay true.
        await database.StringSetAsync(key, original);
        Assert.False(verdict.Intact, @case);
        Assert.Equal(2L, verdict.FirstBrokenSequence);
        Assert.Contains("changed without a history entry", verdict.Problem);
    }

    [Fact]
    public async Task Verify_reports_an_entry_moved_from_another_request()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var victim = await driver.CreateAsync();
        var other = await driver.CreateAsync();

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        await database.ListSetByIndexAsync(HistoryKeyOf(victim.Name), 0, await database.ListGetByIndexAsync(HistoryKeyOf(other.Name), 0));

        var verdict = await VerifyAsync(victim.Name);
        Assert.Equal((false, 1L), (verdict.Intact, verdict.FirstBrokenSequence));
        Assert.Contains(other.Name, verdict.Problem);
    }

    [Fact]
    public async Task Entries_record_the_content_digest_and_an_update_its_mask()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateAsync();
        await driver.ActAsync(request.Name, Action.Update);
        await driver.ActAsync(request.Name, Action.Submit);

        var history = await driver.HistoryAsync(request.Name);

        Assert.All(history, entry => Assert.Equal((2, 64), (entry.ChainVersion, entry.ContentDigest.Length)));
        Assert.Equal([[], ["title"], []], history.Select(entry => entry.ChangedFields.ToArray()));
        Assert.Equal(3, history.Select(entry => entry.ContentDigest).Distinct().Count());
    }

    /// <summary>Entries written before content digests (chain version 1) still verify, and the chain goes on in version 2.</summary>
    [Fact]
    public async Task A_version_1_history_still_verifies_and_continues_in_version_2()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        var first = await VersionOneEntryAsync(database, request.Name);
        await database.ListSetByIndexAsync(HistoryKeyOf(request.Name), 0, first.Json);
        RedisKey key = $"assistance:{request.Name.Replace('/', ':')}";
        var stored = JsonNode.Parse((string)(await database.StringGetAsync(key))!)!.AsObject();
        stored["HistoryHead"] = first.Hash;
        await database.StringSetAsync(key, stored.ToJsonString());
        Assert.Equal("", (await VerifyAsync(request.Name)).Problem);

        await driver.ActAsync(request.Name, Action.Submit);

        var history = await driver.HistoryAsync(request.Name);
        Assert.Equal([1, 2], history.Select(entry => entry.ChainVersion));
        Assert.True((await VerifyAsync(request.Name)).Intact);
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

    /// <summary>The request's first entry rewritten as the service wrote it before content digests: the old fields, hashed as they were.</summary>
    private static async Task<(string Json, string Hash)> VersionOneEntryAsync(IDatabase redis, string name)
    {
        var entry = JsonNode.Parse((string)(await redis.ListGetByIndexAsync(HistoryKeyOf(name), 0))!)!.AsObject();
        var content = new JsonObject();
        foreach (var field in new[] { "Sequence", "Actor", "Time", "Action", "FromState", "ToState", "Reason", "PreviousHash" })
        {
            content[field] = entry[field]!.DeepClone();
        }

        // The service's serializer writes a time's '+' as is; JsonNode's default encoder would escape it.
        var bytes = Encoding.UTF8.GetBytes(content.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        content["Hash"] = hash;
        return (content.ToJsonString(), hash);
    }

    private static async Task EditEntryAsync(IDatabase redis, RedisKey key, long sequence, Action<JsonObject> edit)
    {
        var entry = JsonNode.Parse((string)(await redis.ListGetByIndexAsync(key, sequence - 1))!)!.AsObject();
        edit(entry);
        await redis.ListSetByIndexAsync(key, sequence - 1, entry.ToJsonString());
    }
}
