using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The gateway limits each client address before it looks at a token, so a flood without one is
/// refused with the gateway's error model while another address is still served; the address is
/// the one a trusted ingress proxy forwarded, and <c>X-Forwarded-For</c> from anyone else changes nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ClientAddressRateLimitTests(SuiteFixture suite)
{
    private const int Burst = 4;
    private const int Flood = 12;

    // Small per-address buckets, refilling slowly enough that a flood of 12 outruns them.
    private static readonly Dictionary<string, string> SmallBuckets = new()
    {
        ["RateLimiting__PerAddressBurstLimit"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting__PerAddressPermitsPerSecond"] = "1",
    };

    [Fact]
    public async Task An_unauthenticated_flood_from_one_address_is_refused_while_another_address_is_served()
    {
        var (process, rest, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>(SmallBuckets)
        {
            // The tests' own connections come from loopback: here loopback plays the ingress.
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        });
        await using var _ = process;
        using var client = new HttpClient { BaseAddress = rest };

        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < Flood; i++)
        {
            using var response = await GetAsForwarded(client, "203.0.113.1");
            flood.Add(response.StatusCode);
        }

        using var refused = await GetAsForwarded(client, "203.0.113.1");
        using var otherAddress = await GetAsForwarded(client, "203.0.113.2");
        var grpcRefusal = await Assert.ThrowsAsync<RpcException>(() => ListCoursesAsForwarded(grpc, "203.0.113.1"));

        Assert.InRange(flood.Count(status => status == HttpStatusCode.Unauthorized), Burst, Burst + 3);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(ErrorReasons.RateLimitExceeded, await ReasonOf(refused));
        Assert.Equal(HttpStatusCode.Unauthorized, otherAddress.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, grpcRefusal.StatusCode);
        Assert.Equal(ErrorReasons.RateLimitExceeded, grpcRefusal.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        var (process, rest, _) = await suite.StartExtraGatewayAsync(SmallBuckets);
        await using var _ = process;
        using var client = new HttpClient { BaseAddress = rest };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Flood; i++)
        {
            // A new made-up address on every request would get a fresh bucket each time if believed.
            using var response = await GetAsForwarded(client, $"198.51.100.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private static Task<HttpResponseMessage> GetAsForwarded(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/courses?pageSize=1", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private async Task ListCoursesAsForwarded(Uri grpc, string forwardedFor)
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(grpc, ""));
        await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 }, new Metadata { { "x-forwarded-for", forwardedFor } });
    }

    private static async Task<string?> ReasonOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("details").EnumerateArray()
            .Select(detail => detail.TryGetProperty("reason", out var reason) ? reason.GetString() : null)
            .FirstOrDefault(reason => reason is not null);
    }
}
