using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Allocations and pledges stored before the report totals existed are counted into them when
/// funding starts on such data, once: starting again counts nothing twice.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingTotalsRebuildTests(SuiteFixture suite)
{
    private const string Done = "funding:migrations:funding-totals";

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_funding_process_starting_on_older_data_counts_it_into_the_totals_once()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 5, Nanos = 500_000_000 }))).Allocation;
        var donorId = pledge.Name.Split('/')[1];
        var (pledgeId, allocationId, requestId) = (pledge.Name.Split('/')[3], allocation.Name.Split('/')[1], request.Name.Split('/')[1]);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();

        // Copies of the allocation and pledge as a version without the totals stored them: never counted.
        // Their ids sort before every id the service makes (time first), as older records' would: an id
        // sorting after them would be every later test's newest allocation, on the first page of every walk.
        var (olderPledge, olderAllocation) = (OlderId(), OlderId());
        await CopyAsync(database, $"funding:pledges:{pledgeId}", $"funding:pledges:{olderPledge}", pledgeId, olderPledge);
        await database.SortedSetAddAsync($"funding:donors:{donorId}:pledges", olderPledge, 0);
        await CopyAsync(database, $"funding:allocations:{allocationId}", $"funding:allocations:{olderAllocation}", allocationId, olderAllocation);
        await database.SortedSetAddAsync("funding:allocations:index", olderAllocation, 0);
        await database.SortedSetAddAsync($"funding:requests:{requestId}:allocations", olderAllocation, 0);
        await database.KeyDeleteAsync(Done);

        await FundingMigrationRuns.RunAgainAsync(suite, database, Done);
        await FundingMigrationRuns.RunAgainAsync(suite, database, Done);

        var totals = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name })).RequestFunding.Totals;
        Assert.Equal(11m, FundingScenario.ToDecimal(Assert.Single(totals.Allocated)));
        Assert.Equal(2, (long)await database.HashGetAsync($"funding:donors:{donorId}:funded-counts", requestId));
        var donorTotals = await database.HashGetAllAsync($"funding:totals:donors:{donorId}");
        Assert.Equal(200, (long)donorTotals.Single(entry => entry.Name == "programme|USD|committed|u").Value);
    }

    private static string OlderId() => "00000000" + Guid.NewGuid().ToString("N")[8..];

    private static async Task CopyAsync(IDatabase database, string from, string to, string id, string newId)
    {
        await database.StringSetAsync(to, ((string)(await database.StringGetAsync(from))!).Replace(id, newId, StringComparison.Ordinal));
        var ledger = (await database.HashGetAllAsync(from + ":ledger")).Where(entry => entry.Name != "totaled").ToArray();
        await database.HashSetAsync(to + ":ledger", ledger);
    }
}
