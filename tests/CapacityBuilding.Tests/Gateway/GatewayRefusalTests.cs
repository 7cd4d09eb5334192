using System.Net;
using System.Text;
using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>
/// What the gateway refuses by itself (no or a bad token, a token that makes no caller, a body
/// over the limit) carries the error model of every other error: a gRPC status with one
/// ErrorInfo, or for REST the HTTP status with the JSON body transcoded service errors have.
/// The size limit holds for gRPC too, at the gateway and at a service.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayRefusalTests(SuiteFixture suite)
{
    internal const string GatewayDomain = "gateway.capacitybuilding.unodc.org";
    private const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";
    private const int OverTheLimit = 2 * 1024 * 1024;

    [Fact]
    public async Task Grpc_call_without_token_is_unauthenticated_with_the_gateways_error_info()
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, ""));

        var exception = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);

        AssertErrorInfo(exception, "UNAUTHENTICATED", GatewayDomain);
    }

    [Fact]
    public async Task Rest_call_with_a_foreign_token_is_401_with_the_json_error()
    {
        var foreign = new DevTokenIssuer("capacitybuilding-local", "capacitybuilding-api", Convert.ToBase64String(new byte[32]))
            .Mint(CallerRole.Coordinator, "forger");
        using var client = suite.RestClient(foreign);

        using var response = await client.GetAsync(new Uri("/v1/courses", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertJsonErrorAsync(response, StatusCode.Unauthenticated, "UNAUTHENTICATED", GatewayDomain);
    }

    [Fact]
    public async Task Token_that_makes_no_caller_is_permission_denied_over_grpc_and_403_over_rest()
    {
        // A member state's token must name its country; without it the token makes no caller.
        var countryless = suite.Tokens.Mint(CallerRole.MemberState, "focal-point-without-country");
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, countryless));
        using var client = suite.RestClient(countryless);

        var exception = await RichErrors.FailsWith(StatusCode.PermissionDenied, () => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);
        using var response = await client.GetAsync(new Uri("/v1/courses", UriKind.Relative));

        AssertErrorInfo(exception, "PERMISSION_DENIED", GatewayDomain);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertJsonErrorAsync(response, StatusCode.PermissionDenied, "PERMISSION_DENIED", GatewayDomain);
    }

    [Fact]
    public async Task Rest_body_over_the_limit_is_413_with_the_json_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/courses", UriKind.Relative))
        {
            Content = new StringContent($$"""{"title":"{{new string('x', OverTheLimit)}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await suite.GatewayRest.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertJsonErrorAsync(response, StatusCode.ResourceExhausted, "REQUEST_TOO_LARGE", GatewayDomain);
    }

    [Fact]
    public async Task Grpc_message_over_the_limit_is_resource_exhausted_at_the_gateway()
    {
        var training = new TrainingService.TrainingServiceClient(suite.Gateway);

        var exception = await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => training.CreateCourseAsync(OversizedCourse()).ResponseAsync);

        // The gateway or, when the service reads the message's length first, the service refuses it.
        Assert.Equal("REQUEST_TOO_LARGE", exception.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Grpc_message_over_a_limit_only_the_gateway_has_is_refused_by_the_gateway()
    {
        var (process, _, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["Kestrel__Limits__MaxRequestBodySize"] = "4096",
        });
        await using var _ = process;
        var training = new TrainingService.TrainingServiceClient(suite.Channel(grpc));

        var exception = await RichErrors.FailsWith(StatusCode.ResourceExhausted,
            () => training.CreateCourseAsync(new CreateCourseRequest { Course = new Course { Title = new string('x', 64 * 1024) } }).ResponseAsync);

        AssertErrorInfo(exception, "REQUEST_TOO_LARGE", GatewayDomain);
    }

    [Fact]
    public async Task Grpc_message_over_the_limit_is_resource_exhausted_at_a_service()
    {
        var training = new TrainingService.TrainingServiceClient(suite.Channel(suite.TrainingAddress));

        var exception = await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => training.CreateCourseAsync(OversizedCourse()).ResponseAsync);

        AssertErrorInfo(exception, "REQUEST_TOO_LARGE", "training.capacitybuilding.unodc.org");
    }

    private static CreateCourseRequest OversizedCourse() =>
        new() { Course = new Course { Title = new string('x', OverTheLimit) } };

    private static void AssertErrorInfo(RpcException exception, string reason, string domain)
    {
        var details = exception.GetRpcStatus()?.Details;
        Assert.NotNull(details);
        var errorInfo = Assert.Single(details, detail => detail.Is(Google.Rpc.ErrorInfo.Descriptor)).Unpack<Google.Rpc.ErrorInfo>();
        Assert.Equal(reason, errorInfo.Reason);
        Assert.Equal(domain, errorInfo.Domain);
    }

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, StatusCode code, string reason, string domain)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)code, body.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        var detail = Assert.Single(body.RootElement.GetProperty("details").EnumerateArray());
        Assert.Equal(ErrorInfoType, detail.GetProperty("@type").GetString());
        Assert.Equal(reason, detail.GetProperty("reason").GetString());
        Assert.Equal(domain, detail.GetProperty("domain").GetString());
    }
}
