using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Funding reads requests from assistance through the invocation layer in Dapr mode too: it dials
/// its sidecar (the stand-in), names assistance in dapr-app-id, and gets assistance's answers and
/// errors back unchanged.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingInvocationTests(SuiteFixture suite)
{
    private static readonly Money Ten = new() { CurrencyCode = "USD", Units = 10 };

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Allocation_in_dapr_mode_reads_the_request_through_the_sidecar()
    {
        var pledge = await scenario.PledgeAsync(100);
        var approved = await scenario.RequestAsync();
        var draft = await scenario.RequestAsync(state: Contracts.Assistance.V1.AssistanceRequest.Types.State.Draft);
        await using var sidecar = await DaprSidecarStandIn.StartAsync("funding", new Dictionary<string, Uri> { ["assistance"] = suite.AssistanceAddress }, suite.AppApiToken);
        var (process, channel) = await suite.StartExtraFundingAsync(SuiteFixture.DaprVia(sidecar.Address));
        await using var _ = process;
        var funding = new FundingService.FundingServiceClient(channel);

        var allocation = (await funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, approved, Ten))).Allocation;
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, draft, Ten)).ResponseAsync);

        Assert.Equal(approved.Name, allocation.AssistanceRequest);
        Assert.Equal("REQUEST_NOT_APPROVED", refusal.ErrorInfo()?.Reason);
        Assert.Contains(sidecar.Calls, call => call.CalleeAppId == "assistance" && call.Method.EndsWith("/GetAssistanceRequest", StringComparison.Ordinal));
        Assert.Equal(90, (await scenario.RemainingAsync(pledge)).Units);
    }

    /// <summary>
    /// Funding's one-time count of the funded requests into the donors' budget sums
    /// (<c>DonorBudgetsBackfill</c>) reads every funded request from assistance, in pages of up to
    /// 500, through its sidecar: over daprd's one connection to assistance with grpc-go's 64 KiB
    /// starting window (dapr/dapr v1.16.19 pkg/api/grpc/manager/manager.go). A page past half that
    /// window makes the client send stream WINDOW_UPDATEs while it reads (grpc-go v1.73.0
    /// internal/transport/flowcontrol.go: every quarter of the window; .NET's client every eighth),
    /// the pattern of dotnet/aspnetcore#53736; the pages still come back whole, and the count ends.
    /// </summary>
    [Fact]
    public async Task Pages_of_requests_in_dapr_mode_that_need_window_updates_come_whole_through_the_sidecar()
    {
        await Task.WhenAll(Enumerable.Range(0, 120).Select(_ => scenario.RequestAsync()));
        await using var sidecar = await DaprSidecarStandIn.StartAsync("funding", new Dictionary<string, Uri> { ["assistance"] = suite.AssistanceAddress }, suite.AppApiToken);
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);

        await FundingMigrationRuns.RunAgainAsync(suite, redis.GetDatabase(), "funding:migrations:donor-budgets", SuiteFixture.DaprVia(sidecar.Address));

        var pages = sidecar.Calls.Where(call => call.Method.EndsWith("/ListAssistanceRequests", StringComparison.Ordinal)).ToList();
        Assert.Contains(pages, page => page.ReplyBytes > DaprdAppConnection.InitialWindowSize / 2);
    }

    /// <summary>A coordinator's summary asks assistance for its budget sums in one call, whatever the number of requests: it lists none.</summary>
    [Fact]
    public async Task A_coordinators_summary_reads_the_budget_sums_in_one_call_and_lists_no_request()
    {
        await scenario.RequestAsync();
        await using var sidecar = await DaprSidecarStandIn.StartAsync("funding", new Dictionary<string, Uri> { ["assistance"] = suite.AssistanceAddress }, suite.AppApiToken);
        var (process, channel) = await suite.StartExtraFundingAsync(SuiteFixture.DaprVia(sidecar.Address));
        await using var _ = process;

        await new FundingService.FundingServiceClient(channel).GetFundingSummaryAsync(new GetFundingSummaryRequest());

        var methods = sidecar.Calls.Where(call => call.CalleeAppId == "assistance").Select(call => call.Method[(call.Method.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(1, methods.Count(method => method == "GetBudgetTotals"));
        Assert.DoesNotContain("ListAssistanceRequests", methods);
    }

    [Fact]
    public async Task Rest_routes_reach_the_funding_service_through_the_gateway()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation;

        foreach (var path in new[]
        {
            $"/v1/{allocation.Name}",
            $"/v1/allocations?assistanceRequest={request.Name}",
            $"/v1/{allocation.Name}/disbursements",
            "/v1/exchangeRates",
            $"/v1/requestFunding/{request.Name}",
            "/v1/fundingSummary",
            "/v1/iatiActivities:export",
        })
        {
            using var response = await suite.GatewayRest.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var release = await suite.GatewayRest.PostAsync(new Uri($"/v1/{allocation.Name}:release", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(release.IsSuccessStatusCode, await release.Content.ReadAsStringAsync());
        Assert.Contains("STATE_RELEASED", await release.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
