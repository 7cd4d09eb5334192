using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Allocations stored before the per-donor index existed reach it when funding starts: a donor's
/// listing, and so the requests it is shown, include its older allocations.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DonorIndexBackfillTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_funding_process_starting_on_older_data_indexes_its_allocations_by_donor()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 5 }))).Allocation;
        var donorId = pledge.Name.Split('/')[1];
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        // The data as a version without the index left it.
        await database.KeyDeleteAsync([$"funding:donors:{donorId}:allocations", "funding:migrations:donor-allocation-index"]);

        var (process, channel) = await suite.StartExtraFundingAsync(SuiteFixture.FundingDirectTo(suite.AssistanceAddress));
        await using (process)
        {
            var donor = new FundingService.FundingServiceClient(suite.Channel(new Uri($"http://{channel.Target}"),
                suite.Tokens.Mint(CallerRole.Donor, "backfill-donor", donorId: donorId)));
            var listed = await EventuallyAsync(async () =>
                (await donor.ListAllocationsAsync(new ListAllocationsRequest())).Allocations.Select(found => found.Name).ToList());

            Assert.Equal([allocation.Name], listed);
            Assert.True(await database.KeyExistsAsync("funding:migrations:donor-allocation-index"));
        }
    }

    private static async Task<List<string>> EventuallyAsync(Func<Task<List<string>>> read)
    {
        var deadline = System.DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = await read();
            if (found.Count > 0 || System.DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }
}
