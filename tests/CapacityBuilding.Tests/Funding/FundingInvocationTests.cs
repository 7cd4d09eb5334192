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
