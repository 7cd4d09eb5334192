using CapacityBuilding.Tests.Infrastructure;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Runs one of funding's one-time migrations again, as a funding process starting on older data would.</summary>
internal static class FundingMigrationRuns
{
    /// <summary>Starts a second funding process on the suite's Redis after deleting the migration's marker, and waits until it is done.</summary>
    /// <param name="done">The migration's marker key, with the service's prefix.</param>
    /// <param name="invocation">How the process reaches assistance: straight to it unless given.</param>
    public static async Task RunAgainAsync(SuiteFixture suite, IDatabase database, string done, IReadOnlyDictionary<string, string>? invocation = null)
    {
        await database.KeyDeleteAsync(done);
        var (process, _) = await suite.StartExtraFundingAsync(invocation ?? SuiteFixture.FundingDirectTo(suite.AssistanceAddress));
        await using (process)
        {
            var deadline = System.DateTime.UtcNow.AddSeconds(60);
            while (!await database.KeyExistsAsync(done))
            {
                Assert.True(System.DateTime.UtcNow < deadline, $"{done} was not set within 60 s");
                await Task.Delay(100);
            }
        }
    }
}
