using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The gateway as configured in its real appsettings.json: every API route but the public ones needs a token, is
/// rate-limited per caller, and REST answers carry security headers. The portal's catch-all
/// route is without a token (the portal signs its users in: PortalGatewayTests), and so are the
/// public routes (PublicIatiFileTests), which the services answer with the public view only.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayDoorTests(SuiteFixture suite)
{
    public const string PortalRoute = "portal";

    /// <summary>The portal's spreadsheet upload: the portal's own route with a larger body limit (the portal signs its users in).</summary>
    public const string PortalUploadRoute = "portal-import-upload";

    public static TheoryData<string> Routes => new(ReadRoutes().Select(route => route.Name).Where(name => name is not PortalRoute and not PortalUploadRoute));

    /// <summary>The report routes (whole-ledger reads) have their own smaller limit (issue 14); every other route the per-caller one.</summary>
    private static readonly HashSet<string> ReportRoutes = ["funding-summary-grpc", "iati-export-grpc", "funding-summary-rest", "iati-activities-rest-custom"];

    /// <summary>The public routes (issue 18): anonymous, their own rate limit; the services give them the public view only.</summary>
    private static readonly HashSet<string> PublicRoutes = ["public-iati-rest", "public-projects-rest", "public-project-rest"];

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_route_names_the_caller_policy_and_the_rate_limiter(string route)
    {
        var config = ReadRoutes().Single(candidate => candidate.Name == route).Value;
        var isPublic = config.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty("Public", out var flag) && flag.GetString() == "true";

        // A misspelt key ("Authorization Policy") is silently ignored by configuration binding.
        Assert.Equal(PublicRoutes.Contains(route), isPublic);
        Assert.Equal(isPublic ? "anonymous" : "caller", config.GetProperty("AuthorizationPolicy").GetString());
        Assert.Equal(isPublic ? "public" : ReportRoutes.Contains(route) ? "reports" : "per-caller", config.GetProperty("RateLimiterPolicy").GetString());
        // The deadline is YARP's activity timeout on every cluster (GatewayDeadlineTests), not a second timer per route.
        Assert.False(config.TryGetProperty("TimeoutPolicy", out _), "the deadline is the clusters' activity timeout");
    }

    /// <summary>Every route but the public ones and the portal refuses a call without a token, at a path made from its own pattern.</summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_but_the_public_ones_refuses_an_anonymous_call(string route)
    {
        var path = ReadRoutes().Single(candidate => candidate.Name == route).Value.GetProperty("Match").GetProperty("Path").GetString()!
            .Replace("{**rest}", "anything", StringComparison.Ordinal).Replace("{method}", "Anything", StringComparison.Ordinal).Replace("{verb}", "anything", StringComparison.Ordinal)
            .Replace("{project}", "XM-DAC-0-unknown", StringComparison.Ordinal);
        using var anonymous = suite.RestClient("");

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        // A public route lets the call through: the service answers, 404 for a project nobody published.
        Assert.Equal(
            !PublicRoutes.Contains(route) ? HttpStatusCode.Unauthorized : path.Contains("unknown", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/requests")]
    [InlineData("/v1/courses")]
    [InlineData("/v1/donors")]
    [InlineData("/v1/courses:batchGet")]
    public async Task Rest_route_without_token_is_401(string path)
    {
        using var anonymous = suite.RestClient("");

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Grpc_route_without_token_is_unauthenticated()
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, ""));

        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Rest_answers_carry_security_headers_and_no_server_name()
    {
        using var response = await suite.GatewayRest.GetAsync(new Uri("/v1/courses?pageSize=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Oversized_body_is_refused_before_reaching_a_service()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/courses", UriKind.Relative))
        {
            Content = new StringContent($$"""{"title":"{{new string('x', 2 * 1024 * 1024)}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        // As a well-behaved client of a large upload does: the gateway answers 413 on the declared
        // length before the body is sent, then closes the connection, which would otherwise race
        // with the client still writing the body (a broken pipe instead of the answer).
        request.Headers.ExpectContinue = true;

        using var response = await suite.GatewayRest.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Caller_over_its_rate_limit_gets_resource_exhausted_and_429_with_a_retry_hint()
    {
        var (process, rest, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["RateLimiting__BurstLimit"] = "5",
            ["RateLimiting__PermitsPerSecond"] = "1",
        });
        await using var _ = process;
        var token = suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.Auditor, "busy-auditor");
        var training = new TrainingService.TrainingServiceClient(suite.Channel(grpc, token));
        var other = new TrainingService.TrainingServiceClient(suite.Channel(grpc, suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.Auditor, "quiet-auditor")));

        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 12; i++)
        {
            try
            {
                await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException exception)
            {
                outcomes.Add(exception.StatusCode);
                Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
                Assert.NotNull(exception.Trailers.GetValue("retry-after") ?? exception.Status.Detail);
            }
        }

        using var restClient = new HttpClient { BaseAddress = rest };
        restClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var limited = await restClient.GetAsync(new Uri("/v1/courses?pageSize=1", UriKind.Relative));
        var otherCaller = await other.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });

        Assert.InRange(outcomes.Count(outcome => outcome == StatusCode.OK), 5, 7);
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.NotNull(otherCaller);
    }

    internal static List<(string Name, JsonElement Value)> ReadRoutes()
    {
        var path = Path.Combine(RepositoryLayout.Root.FullName, "gateway", "CapacityBuilding.Gateway", "appsettings.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("ReverseProxy").GetProperty(nameof(Routes)).EnumerateObject()
            .Select(route => (route.Name, route.Value.Clone())).ToList();
    }
}
