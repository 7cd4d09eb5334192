using CapacityBuilding.DevTokens;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Benchmarks.Funding;

/// <summary>A real redis-server, assistance and funding processes on free loopback ports.</summary>
internal sealed class BenchmarkSuite : IAsyncDisposable
{
    private readonly RedisServer redis;
    private readonly ServiceProcess assistance;
    private readonly ServiceProcess funding;

    private BenchmarkSuite(RedisServer redis, ServiceProcess assistance, ServiceProcess funding, GrpcChannel assistanceChannel, GrpcChannel fundingChannel)
    {
        this.redis = redis;
        this.assistance = assistance;
        this.funding = funding;
        Assistance = assistanceChannel;
        Funding = fundingChannel;
    }

    public GrpcChannel Assistance { get; }

    public GrpcChannel Funding { get; }

    public static async Task<BenchmarkSuite> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var assistanceAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var fundingAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // A signing key of the run's own; issuer and audience as in the services' appsettings.json.
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var token = new DevTokenIssuer("capacitybuilding-local", "capacitybuilding-api", signingKey)
            .Mint(CallerRole.Coordinator, "funding-benchmark", lifetime: TimeSpan.FromHours(2));
        var quiet = new Dictionary<string, string>
        {
            ["Redis__ConnectionString"] = redis.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Authentication__Jwt__SigningKey"] = signingKey,
        };
        var assistance = ServiceProcess.Start("assistance", "services/CapacityBuilding.Assistance",
            new Dictionary<string, string>(quiet) { ["Invocation__Apps__training"] = "http://127.0.0.1:9" }, "--urls", assistanceAddress.ToString());
        var funding = ServiceProcess.Start("funding", "services/CapacityBuilding.Funding",
            new Dictionary<string, string>(quiet) { ["Invocation__Apps__assistance"] = assistanceAddress.ToString() }, "--urls", fundingAddress.ToString());
        var assistanceChannel = LoopbackChannels.ForAddress(assistanceAddress, token);
        var fundingChannel = LoopbackChannels.ForAddress(fundingAddress, token);
        await WaitUntilServingAsync(assistance, assistanceChannel);
        await WaitUntilServingAsync(funding, fundingChannel);
        return new BenchmarkSuite(redis, assistance, funding, assistanceChannel, fundingChannel);
    }

    public async ValueTask DisposeAsync()
    {
        Assistance.Dispose();
        Funding.Dispose();
        await funding.DisposeAsync();
        await assistance.DisposeAsync();
        await redis.DisposeAsync();
    }

    private static Task WaitUntilServingAsync(ServiceProcess process, GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        return process.WaitUntilReadyAsync(
            async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status
                == HealthCheckResponse.Types.ServingStatus.Serving,
            TimeSpan.FromSeconds(60));
    }
}
