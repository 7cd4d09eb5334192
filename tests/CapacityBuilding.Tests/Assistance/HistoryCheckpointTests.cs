using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using StackExchange.Redis;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Signed checkpoints: an auditor keeps one outside the system, and a later verification given it
/// proves the history was only extended, even against someone who can rewrite Redis wholesale
/// (here: roll a request and its history back to an earlier, self-consistent version).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class HistoryCheckpointTests(SuiteFixture suite)
{
    private readonly RequestLifecycleDriver driver = new(RequestLifecycleDriver.Coordinator(suite, "checkpoint-coordinator"));
    private readonly AssistanceService.AssistanceServiceClient auditor =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios")));

    [Fact]
    public async Task An_auditor_gets_a_checkpoint_that_verifies_after_more_changes()
    {
        var request = await driver.CreateInStateAsync(State.Submitted);
        var checkpoint = (await VerifyAsync(request.Name)).Checkpoint;
        Assert.Equal((request.Name, 2L), (checkpoint.Chain, checkpoint.Length));
        Assert.Equal((await driver.HistoryAsync(request.Name))[^1].Hash, checkpoint.HeadHash);

        await driver.ActAsync(request.Name, Action.BeginReview);
        await driver.ActAsync(request.Name, Action.Approve);

        var verdict = await VerifyAsync(request.Name, checkpoint);
        Assert.Equal((true, 4L), (verdict.Intact, verdict.CheckedEntries));
        Assert.Equal(4L, verdict.Checkpoint.Length);
    }

    [Fact]
    public async Task A_rollback_to_an_earlier_consistent_version_fails_against_a_later_checkpoint()
    {
        var request = await driver.CreateInStateAsync(State.Submitted);
        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        RedisKey documentKey = $"assistance:{request.Name.Replace('/', ':')}";
        RedisKey historyKey = $"{documentKey}:history";
        var earlierDocument = await database.StringGetAsync(documentKey);
        var earlierHistory = await database.ListRangeAsync(historyKey);

        await driver.ActAsync(request.Name, Action.BeginReview);
        await driver.ActAsync(request.Name, Action.Reject);
        var checkpoint = (await VerifyAsync(request.Name)).Checkpoint;
        var laterDocument = await database.StringGetAsync(documentKey);
        var laterHistory = await database.ListRangeAsync(historyKey);

        await ReplaceAsync(database, documentKey, earlierDocument, historyKey, earlierHistory);
        var selfCheck = await VerifyAsync(request.Name);
        var verdict = await VerifyAsync(request.Name, checkpoint);
        // The indexes still list the request as rejected: put it back so that other tests' listings stay true.
        await ReplaceAsync(database, documentKey, laterDocument, historyKey, laterHistory);

        Assert.True(selfCheck.Intact, "the rolled-back chain is consistent in itself");
        Assert.Equal((false, 3L), (verdict.Intact, verdict.FirstBrokenSequence));
        Assert.Null(verdict.Checkpoint);
    }

    public static TheoryData<string, Func<ChainCheckpoint, ChainCheckpoint>, string> Forgeries => new()
    {
        { "head hash replaced", checkpoint => With(checkpoint, c => c.HeadHash = new string('a', 64)), "checkpoint.signature" },
        { "length raised", checkpoint => With(checkpoint, c => c.Length += 1), "checkpoint.signature" },
        { "signature flipped", checkpoint => With(checkpoint, c => c.Signature = ByteString.CopyFrom([.. c.Signature.Reverse()])), "checkpoint.signature" },
        { "no signature", checkpoint => With(checkpoint, c => c.Signature = ByteString.Empty), "checkpoint.signature" },
        { "signed for another request", checkpoint => checkpoint, "checkpoint.chain" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_checkpoint_is_invalid_argument(string @case, Func<ChainCheckpoint, ChainCheckpoint> forge, string field)
    {
        var request = await driver.CreateAsync();
        var other = await driver.CreateAsync();
        var genuine = (await VerifyAsync(field == "checkpoint.chain" ? other.Name : request.Name)).Checkpoint;

        var error = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => VerifyAsync(request.Name, forge(genuine)));

        Assert.True(error.ViolatedFields().SequenceEqual([field]), $"{@case}: {string.Join(", ", error.ViolatedFields())}");
    }

    [Fact]
    public async Task A_member_state_may_not_verify_or_obtain_a_checkpoint()
    {
        var request = await driver.CreateAsync();
        var memberState = new AssistanceService.AssistanceServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, "focal.point@gh", country: "GHA")));

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () =>
            memberState.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name }).ResponseAsync);
    }

    private async Task<VerifyAssistanceRequestHistoryResponse> VerifyAsync(string name, ChainCheckpoint? checkpoint = null) =>
        await auditor.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = name, Checkpoint = checkpoint });

    private static async Task ReplaceAsync(IDatabase database, RedisKey documentKey, RedisValue document, RedisKey historyKey, RedisValue[] history)
    {
        await database.KeyDeleteAsync(historyKey);
        await database.ListRightPushAsync(historyKey, history);
        await database.StringSetAsync(documentKey, document);
    }

    private static ChainCheckpoint With(ChainCheckpoint checkpoint, System.Action<ChainCheckpoint> edit)
    {
        var forged = checkpoint.Clone();
        edit(forged);
        return forged;
    }
}
