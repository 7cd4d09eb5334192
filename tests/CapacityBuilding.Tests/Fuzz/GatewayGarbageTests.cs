using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CapacityBuilding.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// Raw garbage at the gateway, below what a well-behaved client library would send: truncated and
/// malformed gRPC frames, wrong content types, oversized headers, broken and deeply nested JSON.
/// Each must get a client error (never HTTP 500 or a crash), and the gateway and the services
/// behind it stay healthy.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayGarbageTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string GetRequestPath = "/capacitybuilding.assistance.v1.AssistanceService/GetAssistanceRequest";
    private const string CreateRequestPath = "/capacitybuilding.assistance.v1.AssistanceService/CreateAssistanceRequest";

    /// <summary>
    /// What grpc-dotnet answers, before any of our code runs, to a frame it cannot read: UNKNOWN
    /// (2) for bytes that do not parse as the request message, RESOURCE_EXHAUSTED (8) for a
    /// length over the message size limit, UNIMPLEMENTED (12) for an unknown method, INTERNAL (13)
    /// for an incomplete frame or an undeclared compression. Never OK.
    /// </summary>
    private static readonly string[] GarbageFrameStatuses = ["2", "8", "12", "13"];

    public static TheoryData<string> GrpcCases => [.. GrpcGarbage.Keys];

    public static TheoryData<string> RestCases => [.. RestGarbage.Keys];

    private static readonly Dictionary<string, Func<HttpRequestMessage>> GrpcGarbage = new()
    {
        ["frame shorter than its length prefix"] = () => Grpc(GetRequestPath, [0, 0, 0, 0, 100, 10, 3, 0x61, 0x62, 0x63]),
        ["length prefix alone"] = () => Grpc(GetRequestPath, [0, 0, 0, 0]),
        ["length prefix of 2 GiB"] = () => Grpc(GetRequestPath, [0, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3]),
        ["compressed flag without compression"] = () => Grpc(GetRequestPath, [1, 0, 0, 0, 3, 1, 2, 3]),
        ["bytes that are not protobuf"] = () => Grpc(CreateRequestPath, [0, 0, 0, 0, 6, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
        ["wire type 7 field"] = () => Grpc(CreateRequestPath, [0, 0, 0, 0, 2, 0x0f, 0x01]),
        ["nested message length past the end"] = () => Grpc(CreateRequestPath, [0, 0, 0, 0, 3, 0x0a, 0x7f, 0x01]),
        ["deeply nested protobuf groups"] = () => Grpc(CreateRequestPath, DeepProtobuf()),
        ["content type text/plain"] = () => WithContentType(Grpc(GetRequestPath, [0, 0, 0, 0, 0]), "text/plain"),
        ["content type application/json"] = () => WithContentType(Grpc(GetRequestPath, Encoding.UTF8.GetBytes("{\"name\":\"requests/x\"}")), "application/json"),
        ["unknown method"] = () => Grpc("/capacitybuilding.assistance.v1.AssistanceService/DropEverything", [0, 0, 0, 0, 0]),
        ["huge header"] = () => WithHeader(Grpc(GetRequestPath, [0, 0, 0, 0, 0]), "x-garbage", new string('a', 64 * 1024)),
        ["many headers"] = () => WithManyHeaders(Grpc(GetRequestPath, [0, 0, 0, 0, 0]), 2000),
    };

    private static readonly Dictionary<string, Func<HttpRequestMessage>> RestGarbage = new()
    {
        ["invalid JSON"] = () => Json("/v1/requests", "{\"title\": \"x\", "),
        ["JSON of the wrong types"] = () => Json("/v1/requests", "{\"title\": 5, \"thematicAreas\": {\"a\": true}, \"courses\": 7}"),
        ["deeply nested JSON"] = () => Json("/v1/requests", new string('[', 100_000) + new string(']', 100_000)),
        ["deeply nested objects"] = () => Json("/v1/requests", string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)),
        ["not UTF-8"] = () => Bytes("/v1/requests", [0xc3, 0x28, 0xff, 0xfe], "application/json"),
        ["XML instead of JSON"] = () => Bytes("/v1/requests", Encoding.UTF8.GetBytes("<request/>"), "application/xml"),
        ["body over the limit"] = () => Json("/v1/requests", "{\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"),
        ["huge header"] = () => WithHeader(new HttpRequestMessage(HttpMethod.Get, "/v1/requests"), "x-garbage", new string('a', 64 * 1024)),
        ["path of garbage"] = () => new HttpRequestMessage(HttpMethod.Get, "/v1/requests/%00%ff%2e%2e%2f..%2f" + new string('z', 4000)),
        ["unknown verb"] = () => Json("/v1/requests:explode", "{}"),
    };

    [Theory]
    [MemberData(nameof(GrpcCases))]
    public async Task Garbage_grpc_gets_a_client_error_and_everything_stays_healthy(string name)
    {
        using var client = new HttpClient { BaseAddress = suite.GatewayGrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = Authorized(GrpcGarbage[name]());

        var answer = await SendAsync(client, request);
        if (answer is null)
        {
            output.WriteLine($"{name}: refused at the connection level");
        }

        if (answer is { } response)
        {
            var grpcStatus = GrpcStatusOf(response);
            output.WriteLine($"{name}: HTTP/{response.Version} {(int)response.StatusCode}, grpc-status {grpcStatus}, grpc-message {GrpcMessageOf(response)}");
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains(grpcStatus, GarbageFrameStatuses);
            }
        }

        await AssertEverythingHealthyAsync();
    }

    [Theory]
    [MemberData(nameof(RestCases))]
    public async Task Garbage_rest_gets_a_client_error_and_everything_stays_healthy(string name)
    {
        using var client = new HttpClient { BaseAddress = suite.GatewayRestAddress };
        using var request = Authorized(RestGarbage[name]());

        var answer = await SendAsync(client, request);
        if (answer is null)
        {
            output.WriteLine($"{name}: refused at the connection level");
        }

        if (answer is { } response)
        {
            output.WriteLine($"{name}: HTTP {(int)response.StatusCode}");
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        await AssertEverythingHealthyAsync();
    }

    /// <summary>The answer, or null when the server refused the request at the connection level (e.g. headers beyond its limit).</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task AssertEverythingHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = suite.GatewayRestAddress };
        var health = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.Contains("\"status\":\"Healthy\"", health, StringComparison.Ordinal);
    }

    private static string? GrpcStatusOf(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
        : null;

    private static string? GrpcMessageOf(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-message", out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues("grpc-message", out var header) ? header.Single()
        : null;

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", suite.CoordinatorToken);
        return request;
    }

    private static HttpRequestMessage Grpc(string path, byte[] body)
    {
        // HttpClient's default request version applies only to its own helpers: say HTTP/2 here,
        // or the request goes as HTTP/1.1 and the h2c port refuses it before any gRPC code runs.
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    private static HttpRequestMessage Json(string path, string body) => Bytes(path, Encoding.UTF8.GetBytes(body), "application/json");

    private static HttpRequestMessage Bytes(string path, byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request;
    }

    private static HttpRequestMessage WithContentType(HttpRequestMessage request, string contentType)
    {
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request;
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static HttpRequestMessage WithManyHeaders(HttpRequestMessage request, int count)
    {
        for (var i = 0; i < count; i++)
        {
            request.Headers.TryAddWithoutValidation($"x-garbage-{i}", "a");
        }

        return request;
    }

    /// <summary>A length-delimited field 1 nested 5,000 deep: protobuf's recursion limit must stop it, not the stack.</summary>
    private static byte[] DeepProtobuf()
    {
        const int Depth = 5_000;
        var message = new List<byte>();
        for (var i = 0; i < Depth; i++)
        {
            var inner = message.ToArray();
            message.Clear();
            message.Add(0x0a);
            var length = inner.Length;
            while (length >= 0x80)
            {
                message.Add((byte)(length | 0x80));
                length >>= 7;
            }

            message.Add((byte)length);
            message.AddRange(inner);
        }

        var frame = new byte[5 + message.Count];
        frame[1] = (byte)(message.Count >> 24);
        frame[2] = (byte)(message.Count >> 16);
        frame[3] = (byte)(message.Count >> 8);
        frame[4] = (byte)message.Count;
        message.CopyTo(frame, 5);
        return frame;
    }
}
