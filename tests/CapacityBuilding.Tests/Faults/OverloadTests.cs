using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CapacityBuilding.Tests.Faults;

/// <summary>
/// An app already working on <c>Load:MaxConcurrentCalls</c> calls answers the next one at once
/// with UNAVAILABLE SERVER_BUSY (REST 503 with Retry-After) instead of queueing it until its heap
/// runs out; probes still answer, and once a call ends the next is served again. Each app here
/// takes one call at a time, and that call hangs on a downstream app that never answers.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OverloadTests(SuiteFixture suite)
{
    private static readonly Dictionary<string, string> OneCallAtATime = new() { ["Load__MaxConcurrentCalls"] = "1" };

    [Fact]
    public async Task A_service_with_every_call_slot_taken_sheds_the_next_call_and_serves_again_when_one_ends()
    {
        await using var silent = await SilentService.StartAsync();
        var configuration = SuiteFixture.FundingDirectTo(silent.Address);
        configuration["Invocation__CallDeadline"] = "00:01:00";
        foreach (var (key, value) in OneCallAtATime)
        {
            configuration[key] = value;
        }

        var (process, channel) = await suite.StartExtraFundingAsync(configuration);
        await using var _ = process;
        var funding = new FundingService.FundingServiceClient(channel);
        using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var holding = funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = "requests/0123456789abcdef0123456789abcdef" }, cancellationToken: hung.Token).ResponseAsync;
        await HeldAsync(holding, silent);

        var shed = await RichErrors.FailsWith(StatusCode.Unavailable, () => funding.GetDonorAsync(new GetDonorRequest { Name = "donors/shed" }).ResponseAsync);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        await hung.CancelAsync();
        await Assert.ThrowsAnyAsync<RpcException>(() => holding);
        var servedAgain = await ServedAgainAsync(() => funding.GetDonorAsync(new GetDonorRequest { Name = "donors/0123456789abcdef0123456789abcdef" }).ResponseAsync);

        Assert.Equal("SERVER_BUSY", shed.ErrorInfo()?.Reason);
        Assert.Equal("funding.capacitybuilding.unodc.org", shed.ErrorInfo()?.Domain);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(StatusCode.NotFound, servedAgain);
    }

    [Fact]
    public async Task The_gateway_with_every_call_slot_taken_sheds_grpc_and_rest_calls_but_not_probes()
    {
        await using var silent = await SilentService.StartAsync();
        var (gateway, rest, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>(OneCallAtATime)
        {
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = silent.Address.ToString(),
            ["Deadlines__Request"] = "00:01:00",
        });
        await using var _ = gateway;
        var funding = new FundingService.FundingServiceClient(suite.Channel(grpc));
        using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var holding = funding.GetDonorAsync(new GetDonorRequest { Name = "donors/held" }, cancellationToken: hung.Token).ResponseAsync;
        await HeldAsync(holding, silent);
        using var client = new HttpClient { BaseAddress = rest };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", suite.CoordinatorToken);

        var shed = await RichErrors.FailsWith(StatusCode.Unavailable, () => funding.GetDonorAsync(new GetDonorRequest { Name = "donors/shed" }).ResponseAsync);
        using var shedRest = await client.GetAsync(new Uri("/v1/donors/shed", UriKind.Relative));
        var restBody = await shedRest.Content.ReadAsStringAsync();
        using var probe = await client.GetAsync(new Uri("/health", UriKind.Relative));
        await hung.CancelAsync();
        await Assert.ThrowsAnyAsync<RpcException>(() => holding);

        Assert.Equal("SERVER_BUSY", shed.ErrorInfo()?.Reason);
        Assert.Equal("gateway.capacitybuilding.unodc.org", shed.ErrorInfo()?.Domain);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shedRest.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), shedRest.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(restBody);
        Assert.Equal((int)StatusCode.Unavailable, body.RootElement.GetProperty("code").GetInt32());
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
    }

    /// <summary>The status of the first call that is not shed: the slot is given back as the held call's end reaches the app.</summary>
    private static async Task<StatusCode> ServedAgainAsync(Func<Task> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await call();
                return StatusCode.OK;
            }
            catch (RpcException exception) when (exception.ErrorInfo()?.Reason != "SERVER_BUSY" || attempt == 50)
            {
                return exception.StatusCode;
            }
            catch (RpcException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Waits until the held call has reached the app that never answers, so that it holds its slot.</summary>
    private static async Task HeldAsync(Task holding, SilentService silent)
    {
        for (var waited = 0; silent.GrpcTimeouts.Count == 0; waited++)
        {
            if (holding.IsCompleted)
            {
                await holding;
                Assert.Fail("the held call was answered");
            }

            Assert.True(waited < 300, "the held call never reached the app that does not answer");
            await Task.Delay(100);
        }
    }
}
