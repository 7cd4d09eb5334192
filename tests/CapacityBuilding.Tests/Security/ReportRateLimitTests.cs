using System.Net;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The report routes (funding summary, IATI export) read every allocation: until they stop
/// being O(N), a caller gets a few of them per minute (route policy <c>reports</c>), shared
/// between both reports and both doors (gRPC, REST), while its other calls keep the ordinary limit.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ReportRateLimitTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_caller_over_its_report_limit_is_refused_reports_but_not_its_other_calls()
    {
        var (process, rest, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["RateLimiting__ReportBurstLimit"] = "2",
            ["RateLimiting__ReportPermitsPerMinute"] = "1",
        });
        await using var _ = process;
        var token = suite.Tokens.Mint(CallerRole.Coordinator, "report-reader");
        var funding = new FundingService.FundingServiceClient(suite.Channel(grpc, token));

        await funding.GetFundingSummaryAsync(new GetFundingSummaryRequest());
        await funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());
        await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => funding.GetFundingSummaryAsync(new GetFundingSummaryRequest()).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest()).ResponseAsync);
        using var restClient = new HttpClient { BaseAddress = rest };
        restClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var limited = await restClient.GetAsync(new Uri("/v1/fundingSummary", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.NotNull(await funding.ListDonorsAsync(new ListDonorsRequest { PageSize = 1 }));
    }
}
