using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>
/// A gateway whose funding cluster is a service that never answers, with a one-second deadline:
/// callers get DEADLINE_EXCEEDED (REST: 504) when it runs out, not the proxy's "request canceled",
/// and the service was told a shorter deadline, or the caller's when that is shorter still.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayDeadlineTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);
    private SilentService silent = null!;
    private ServiceProcess gateway = null!;
    private Uri rest = null!;
    private Uri grpc = null!;

    public async Task InitializeAsync()
    {
        silent = await SilentService.StartAsync();
        (gateway, rest, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = silent.Address.ToString(),
            ["Deadlines__Request"] = "00:00:01",
            ["Deadlines__ServiceMargin"] = "00:00:00.2",
        });
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await silent.DisposeAsync();
    }

    [Fact]
    public async Task A_service_that_never_answers_gives_deadline_exceeded_when_the_gateway_deadline_runs_out()
    {
        var funding = new FundingService.FundingServiceClient(suite.Channel(grpc));
        var clock = Stopwatch.StartNew();

        var refusal = await RichErrors.FailsWith(StatusCode.DeadlineExceeded, () => funding.GetDonorAsync(new GetDonorRequest { Name = "donors/silent" }).ResponseAsync);

        Assert.True(clock.Elapsed >= Deadline, $"answered after {clock.Elapsed}, before the deadline");
        Assert.Contains("did not answer in time", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("800m", silent.GrpcTimeouts);
    }

    [Fact]
    public async Task A_rest_call_to_a_service_that_never_answers_gets_504_with_the_status_code_in_json()
    {
        using var client = new HttpClient { BaseAddress = rest };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", suite.CoordinatorToken);

        using var response = await client.GetAsync(new Uri("/v1/donors/silent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)StatusCode.DeadlineExceeded, body.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_callers_shorter_deadline_reaches_the_service_unchanged()
    {
        var funding = new FundingService.FundingServiceClient(suite.Channel(grpc));

        await RichErrors.FailsWith(StatusCode.DeadlineExceeded, () =>
            funding.GetDonorAsync(new GetDonorRequest { Name = "donors/hurried" }, deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);

        Assert.Contains(silent.GrpcTimeouts, timeout => timeout.Length > 0 && Parse(timeout) <= TimeSpan.FromMilliseconds(300));
    }

    // The grpc-timeout units a .NET client sends for sub-second deadlines.
    private static TimeSpan Parse(string grpcTimeout)
    {
        var amount = long.Parse(grpcTimeout[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return grpcTimeout[^1] switch
        {
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => throw new FormatException(grpcTimeout),
        };
    }
}
