using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// A donor's funding figures do not go funding → assistance → funding: funding reads requests
/// as itself and applies the donor's rule (only what its money funds) itself. Proved with an
/// assistance whose funding is away, which answers a donor's own reads UNAVAILABLE: the donor's
/// figures still come through it, and still hold only what the donor funds. The service role
/// funding reads with gains nothing else.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DonorReadLoopTests(SuiteFixture suite)
{
    private static readonly Money Ten = new() { CurrencyCode = "USD", Units = 10 };
    private static readonly Money Budget = new() { CurrencyCode = "USD", Units = 500 };

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_donors_figures_do_not_make_assistance_ask_funding_back()
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var funded = await scenario.ConsentToPublishAsync(await scenario.RequestAsync(indicativeBudget: Budget));
        var fundedByOthers = await scenario.ConsentToPublishAsync(await scenario.RequestAsync(indicativeBudget: Budget));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, funded, Ten));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(others, fundedByOthers, Ten));

        var deadFunding = SuiteFixture.Loopback(FreePort.Next());
        var (assistance, assistanceChannel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress, deadFunding));
        await using (assistance)
        {
            var (funding, fundingChannel) = await suite.StartExtraFundingAsync(SuiteFixture.FundingDirectTo(new Uri($"http://{assistanceChannel.Target}")));
            await using (funding)
            {
                var donor = new FundingService.FundingServiceClient(suite.Channel(new Uri($"http://{fundingChannel.Target}"), DonorToken(own)));

                var requestFunding = (await donor.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = funded.Name })).RequestFunding;
                var summary = (await donor.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;
                var export = (await donor.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

                Assert.Equal([Ten], requestFunding.Totals.Allocated);
                Assert.Equal([Budget], summary.Programme.IndicativeBudget);
                Assert.Contains(Id(funded), export, StringComparison.Ordinal);
                Assert.DoesNotContain(Id(fundedByOthers), export, StringComparison.Ordinal);
                await RichErrors.FailsWith(StatusCode.NotFound, () => donor.GetRequestFundingAsync(
                    new GetRequestFundingRequest { AssistanceRequest = fundedByOthers.Name }).ResponseAsync);
            }
        }
    }

    [Fact]
    public async Task The_service_role_reads_requests_and_may_do_nothing_else()
    {
        var request = await scenario.RequestAsync();
        var token = suite.ServiceTokens.MintFor("funding");
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.AssistanceAddress, token));
        var funding = new FundingService.FundingServiceClient(suite.Channel(suite.FundingAddress, token));

        Assert.Equal(request.Name, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.Name);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => assistance.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = request.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => assistance.WithdrawAssistanceRequestAsync(new WithdrawAssistanceRequestRequest { Name = request.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => funding.GetFundingSummaryAsync(new GetFundingSummaryRequest()).ResponseAsync);
    }

    private string DonorToken(Pledge pledge) =>
        suite.Tokens.Mint(CallerRole.Donor, "donor-" + pledge.Name.Split('/')[1], donorId: pledge.Name.Split('/')[1]);

    private static string Id(AssistanceRequest request) => request.Name["requests/".Length..];
}
