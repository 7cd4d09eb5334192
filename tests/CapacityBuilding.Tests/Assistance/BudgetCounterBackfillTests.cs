using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Requests stored before the budget sums existed reach them when assistance starts, once: the
/// sums rebuilt from nothing equal a recount of the requests, and a second run of the backfill
/// changes nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class BudgetCounterBackfillTests(SuiteFixture suite)
{
    private const string Marker = "assistance:migrations:budget-counters";
    private static readonly RedisKey[] Sums = ["assistance:requests:budgets", "assistance:requests:budgets:counted"];

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "budget-backfill-coordinator");

    [Fact]
    public async Task A_process_starting_on_older_data_adds_every_request_to_the_budget_sums_once()
    {
        await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved, RequestLifecycleDriver.CompleteRequest("NPL"));
        var expected = await BudgetRecount.OfEveryFundedRequestAsync(coordinator);
        Assert.Equal(expected, await coordinator.GetBudgetTotalsAsync(new GetBudgetTotalsRequest()));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        // The data as a version without the budget sums left it.
        await database.KeyDeleteAsync([.. Sums, Marker]);
        Assert.Equal(new GetBudgetTotalsResponse { Programme = new BudgetTotals() }, await coordinator.GetBudgetTotalsAsync(new GetBudgetTotalsRequest()));

        Assert.Equal(expected, await BackfillAsync(database));

        await database.KeyDeleteAsync(Marker);
        Assert.Equal(expected, await BackfillAsync(database));
    }

    /// <summary>Starts an assistance process of the test's own, waits for its backfill's marker, and reads the sums through it.</summary>
    private async Task<GetBudgetTotalsResponse> BackfillAsync(IDatabase database)
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
            var restarted = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), suite.CoordinatorToken));
            return await restarted.GetBudgetTotalsAsync(new GetBudgetTotalsRequest());
        }
    }
}
