using System.Text.Json.Nodes;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Each pledge's ledger chain: every change of its money or state appends a hash-chained entry in
/// the same script. These tests edit the ledger or the balance behind the service's back, straight
/// in Redis, and expect VerifyPledgeLedger to report it; a signed checkpoint proves the ledger was
/// only extended since.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PledgeLedgerTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);
    private readonly FundingService.FundingServiceClient auditor =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios")));

    [Fact]
    public async Task Every_change_of_a_pledge_is_in_its_ledger_and_it_verifies()
    {
        var pledge = await PledgeWithHistoryAsync();

        var verdict = await VerifyAsync(pledge.Name);

        Assert.Equal((true, 6L, ""), (verdict.Intact, verdict.CheckedEntries, verdict.Problem));
        Assert.Equal((pledge.Name, 6L), (verdict.Checkpoint.Chain, verdict.Checkpoint.Length));
    }

    public static TheoryData<string, Func<IDatabase, string, Task>, long> Tamperings => new()
    {
        { "remaining balance raised", (redis, id) => redis.HashSetAsync(LedgerKeyOf(id), "remaining_units", "999"), 6 },
        { "committed pledge set back to pledged", (redis, id) => redis.HashSetAsync(LedgerKeyOf(id), "state", "PLEDGED"), 6 },
        { "an allocation's amount rewritten", (redis, id) => EditEntryAsync(redis, id, 3, entry => entry["Content"]!["Units"] = 1), 3 },
        { "the release removed", async (redis, id) => await redis.ListRightPopAsync(ChainKeyOf(id)), 6 },
        {
            "an entry rewritten with a fresh hash of its own",
            (redis, id) => EditEntryAsync(redis, id, 2, entry => { entry["Content"]!["Event"] = "PledgeCancel"; entry["Hash"] = new string('b', 64); }),
            2
        },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verify_reports_the_first_broken_entry_after_tampering(string @case, Func<IDatabase, string, Task> tamper, long firstBroken)
    {
        var pledge = await PledgeWithHistoryAsync();
        Assert.True((await VerifyAsync(pledge.Name)).Intact, @case);

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        var id = IdOf(pledge);
        var ledger = await database.HashGetAllAsync(LedgerKeyOf(id));
        var chain = await database.ListRangeAsync(ChainKeyOf(id));
        await tamper(database, id);

        var verdict = await VerifyAsync(pledge.Name);
        // Put the pledge back as it was, so that other tests' totals stay true.
        await database.HashSetAsync(LedgerKeyOf(id), ledger);
        await database.KeyDeleteAsync(ChainKeyOf(id));
        await database.ListRightPushAsync(ChainKeyOf(id), chain);
        Assert.False(verdict.Intact, @case);
        Assert.Equal(firstBroken, verdict.FirstBrokenSequence);
        Assert.NotEmpty(verdict.Problem);
    }

    [Fact]
    public async Task A_checkpoint_verifies_after_more_changes_and_a_forged_one_is_refused()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var checkpoint = (await VerifyAsync(pledge.Name)).Checkpoint;
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Usd(100)));

        var verdict = await VerifyAsync(pledge.Name, checkpoint);
        Assert.Equal((true, 3L), (verdict.Intact, verdict.CheckedEntries));

        var forged = checkpoint.Clone();
        forged.HeadHash = new string('c', 64);
        var error = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => VerifyAsync(pledge.Name, forged));
        Assert.Equal(["checkpoint.signature"], error.ViolatedFields());
    }

    [Fact]
    public async Task A_donor_may_not_verify_a_ledger()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var donor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, "donor@norway", donorId: pledge.Name.Split('/')[1])));

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () =>
            donor.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name }).ResponseAsync);
    }

    /// <summary>
    /// The create scripts take the chain's arguments and, last, the request's fingerprint: a replay
    /// must find the earlier create before the chain is touched, and a reused request id must
    /// change nothing.
    /// </summary>
    [Fact]
    public async Task A_replayed_create_adds_no_entry_and_a_reused_request_id_changes_nothing()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var allocate = FundingScenario.Allocation(pledge, request, Usd(300), Guid.NewGuid().ToString());
        var allocation = (await scenario.Funding.CreateAllocationAsync(allocate)).Allocation;
        var disburse = new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = Usd(50), DisbursementDate = FundingScenario.Today, Description = "first tranche" },
            RequestId = Guid.NewGuid().ToString(),
        };
        var disbursement = (await scenario.Funding.CreateDisbursementAsync(disburse)).Disbursement;

        Assert.Equal(allocation.Name, (await scenario.Funding.CreateAllocationAsync(allocate)).Allocation.Name);
        Assert.Equal(disbursement.Name, (await scenario.Funding.CreateDisbursementAsync(disburse)).Disbursement.Name);
        var reused = allocate.Clone();
        reused.Allocation.Amount = Usd(200);
        var error = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => scenario.Funding.CreateAllocationAsync(reused).ResponseAsync);

        Assert.Equal(ErrorReasons.RequestIdReused, error.ErrorInfo()?.Reason);
        var verdict = await VerifyAsync(pledge.Name);
        Assert.Equal((true, 4L), (verdict.Intact, verdict.CheckedEntries));
    }

    /// <summary>A pledge created, committed, allocated from twice, disbursed from, and one allocation released: six ledger entries.</summary>
    private async Task<Pledge> PledgeWithHistoryAsync()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var disbursed = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Usd(300)))).Allocation;
        var released = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Usd(200)))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = disbursed.Name,
            Disbursement = new Disbursement { Amount = Usd(50), DisbursementDate = FundingScenario.Today, Description = "first tranche" },
        });
        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = released.Name });
        return pledge;
    }

    private async Task<VerifyPledgeLedgerResponse> VerifyAsync(string name, ChainCheckpoint? checkpoint = null) =>
        await auditor.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = name, Checkpoint = checkpoint });

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private static string IdOf(Pledge pledge) => pledge.Name.Split('/')[3];

    private static RedisKey LedgerKeyOf(string id) => $"funding:pledges:{id}:ledger";

    private static RedisKey ChainKeyOf(string id) => $"funding:pledges:{id}:chain";

    private static async Task EditEntryAsync(IDatabase redis, string id, long sequence, Action<JsonObject> edit)
    {
        var entry = JsonNode.Parse((string)(await redis.ListGetByIndexAsync(ChainKeyOf(id), sequence - 1))!)!.AsObject();
        edit(entry);
        await redis.ListSetByIndexAsync(ChainKeyOf(id), sequence - 1, entry.ToJsonString());
    }
}
