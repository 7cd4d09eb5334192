using System.Net;
using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// Tokens are checked at the gateway and again by each service: a forged, expired, foreign or
/// unsigned token gets UNAUTHENTICATED wherever it is presented.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class TokenValidationTests(SuiteFixture suite)
{
    private const string Issuer = "capacitybuilding-local";
    private const string Audience = "capacitybuilding-api";

    public static TheoryData<string> BadTokens => ["none", "garbage", "expired", "other key", "wrong audience", "wrong issuer", "unsigned (alg none)", "unknown role", "member state without country", "not an access token (typ logout+jwt)"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_refused_by_the_gateway(string kind)
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, TokenOf(kind)));

        var failure = await Assert.ThrowsAsync<RpcException>(() => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);

        Assert.Contains(failure.StatusCode, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_refused_by_the_service_itself(string kind)
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.TrainingAddress, TokenOf(kind)));

        var failure = await Assert.ThrowsAsync<RpcException>(() => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);

        Assert.Contains(failure.StatusCode, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_refused_over_rest_without_leaking_details(string kind)
    {
        using var rest = suite.RestClient(TokenOf(kind));

        using var response = await rest.GetAsync(new Uri("/v1/requests", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Valid_token_is_accepted_by_gateway_and_service()
    {
        var token = suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios");

        var viaGateway = await new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, token)).ListCoursesAsync(new ListCoursesRequest());
        var direct = await new TrainingService.TrainingServiceClient(suite.Channel(suite.TrainingAddress, token)).ListCoursesAsync(new ListCoursesRequest());

        Assert.NotNull(viaGateway);
        Assert.NotNull(direct);
    }

    [Fact]
    public async Task Health_and_reflection_stay_open_without_a_token()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(suite.Channel(suite.GatewayGrpcAddress, ""));

        var response = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Callers_identity_travels_to_the_next_service()
    {
        // A member state may read courses, so the course check on its behalf succeeds; an
        // auditor may not create requests at all.
        var course = (await new TrainingService.TrainingServiceClient(suite.Gateway).CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course() })).Course;
        var memberState = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, "focal@gh", country: "GHA")));
        var auditor = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios")));
        var request = new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("identity"), course.Name) };

        var created = await memberState.CreateAssistanceRequestAsync(request);
        var refused = await RichErrors.FailsWith(StatusCode.PermissionDenied, () => auditor.CreateAssistanceRequestAsync(request).ResponseAsync);

        Assert.Equal([course.Name], created.AssistanceRequest.Courses);
        Assert.Equal("PERMISSION_DENIED", refused.ErrorInfo()?.Reason);
    }

    private string TokenOf(string kind)
    {
        var key = suite.SigningKey;
        return kind switch
        {
            "none" => "",
            "garbage" => "not.a.token",
            "expired" => new DevTokenIssuer(Issuer, Audience, key).Mint(CallerRole.Coordinator, "c", lifetime: TimeSpan.FromMinutes(-10)),
            "other key" => new DevTokenIssuer(Issuer, Audience, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Mint(CallerRole.Coordinator, "c"),
            "wrong audience" => new DevTokenIssuer(Issuer, "someone-else", key).Mint(CallerRole.Coordinator, "c"),
            "wrong issuer" => new DevTokenIssuer("https://evil.example", Audience, key).Mint(CallerRole.Coordinator, "c"),
            "unsigned (alg none)" => Unsigned(),
            "unknown role" => Signed(key, "superuser"),
            "not an access token (typ logout+jwt)" => Signed(key, "coordinator", "logout+jwt"),
            "member state without country" => suite.Tokens.Mint(CallerRole.MemberState, "focal@nowhere"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string Unsigned()
    {
        static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
               Encode($$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","sub":"c","role":"coordinator","exp":{{expires}}}""") + ".";
    }

    private static string Signed(string key, string role, string? tokenType = null)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "c", ["role"] = role },
            Expires = DateTime.UtcNow.AddHours(1),
            TokenType = tokenType,
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(key)), "HS256"),
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
