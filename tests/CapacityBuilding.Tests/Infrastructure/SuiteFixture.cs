using CapacityBuilding.Tests.DaprStandIn;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>
/// The whole suite on loopback, once for all integration tests: a real redis-server, the three
/// services and the gateway as separate processes in direct mode, and a second assistance
/// process in Dapr mode whose sidecar is <see cref="DaprSidecarStandIn"/>.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<ServiceProcess> processes = [];
    private readonly List<GrpcChannel> channels = [];

    public RedisServer Redis { get; private set; } = null!;

    public Uri TrainingAddress { get; private set; } = null!;

    public Uri AssistanceAddress { get; private set; } = null!;

    public Uri FundingAddress { get; private set; } = null!;

    /// <summary>The gateway's gRPC (h2c) endpoint.</summary>
    public GrpcChannel Gateway { get; private set; } = null!;

    /// <summary>The gateway's REST (HTTP/1.1) endpoint.</summary>
    public HttpClient GatewayRest { get; private set; } = null!;

    /// <summary>The assistance process that reaches training through the Dapr sidecar stand-in.</summary>
    public GrpcChannel DaprModeAssistance { get; private set; } = null!;

    public DaprSidecarStandIn AssistanceSidecar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        TrainingAddress = Loopback(FreePort.Next());
        AssistanceAddress = Loopback(FreePort.Next());
        FundingAddress = Loopback(FreePort.Next());

        var training = StartService("training", TrainingAddress, new Dictionary<string, string>());
        var funding = StartService("funding", FundingAddress, FundingDirectTo(AssistanceAddress));
        var assistance = StartAssistance(AssistanceAddress, DirectTo(TrainingAddress));

        AssistanceSidecar = await DaprSidecarStandIn.StartAsync("assistance", new Dictionary<string, Uri> { ["training"] = TrainingAddress });
        var daprModeAddress = Loopback(FreePort.Next());
        var daprModeAssistance = StartAssistance(daprModeAddress, DaprVia(AssistanceSidecar.Address));

        var gatewayRest = Loopback(FreePort.Next());
        var gatewayGrpc = Loopback(FreePort.Next());
        var gateway = Start("gateway", "gateway/CapacityBuilding.Gateway", new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Rest__Url"] = gatewayRest.ToString(),
            ["Kestrel__Endpoints__Grpc__Url"] = gatewayGrpc.ToString(),
            ["ReverseProxy__Clusters__assistance__Destinations__primary__Address"] = AssistanceAddress.ToString(),
            ["ReverseProxy__Clusters__training__Destinations__primary__Address"] = TrainingAddress.ToString(),
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = FundingAddress.ToString(),
            ["ReverseProxy__Clusters__assistance__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__training__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__funding__HealthCheck__Active__Interval"] = "00:00:01",
        });

        Gateway = Channel(gatewayGrpc);
        GatewayRest = new HttpClient { BaseAddress = gatewayRest };
        DaprModeAssistance = Channel(daprModeAddress);

        await Task.WhenAll(
            WaitUntilServingAsync(training, TrainingAddress),
            WaitUntilServingAsync(funding, FundingAddress),
            WaitUntilServingAsync(assistance, AssistanceAddress),
            WaitUntilServingAsync(daprModeAssistance, daprModeAddress));
        await gateway.WaitUntilReadyAsync(
            async () => (await GatewayRest.GetStringAsync(new Uri("/health", UriKind.Relative))).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal),
            StartTimeout);
    }

    /// <summary>
    /// Starts one more assistance process of a test's own (for fault cases), stopped with the
    /// fixture or earlier by the test.
    /// </summary>
    public async Task<(ServiceProcess Process, GrpcChannel Channel)> StartExtraAssistanceAsync(
        IReadOnlyDictionary<string, string> invocation,
        string? redisConnectionString = null,
        HealthCheckResponse.Types.ServingStatus readyWhen = HealthCheckResponse.Types.ServingStatus.Serving)
    {
        var address = Loopback(FreePort.Next());
        var environment = new Dictionary<string, string>(invocation) { ["Redis__ConnectionString"] = redisConnectionString ?? Redis.ConnectionString };
        var process = Start("assistance", "services/CapacityBuilding.Assistance", environment, "--urls", address.ToString());
        await WaitUntilAsync(process, address, readyWhen);
        return (process, Channel(address));
    }

    /// <summary>
    /// Starts one more funding process of a test's own (for fault cases, e.g. assistance
    /// unreachable), stopped with the fixture or earlier by the test.
    /// </summary>
    public async Task<(ServiceProcess Process, GrpcChannel Channel)> StartExtraFundingAsync(IReadOnlyDictionary<string, string> invocation)
    {
        var address = Loopback(FreePort.Next());
        var environment = new Dictionary<string, string>(invocation) { ["Redis__ConnectionString"] = Redis.ConnectionString };
        var process = Start("funding", "services/CapacityBuilding.Funding", environment, "--urls", address.ToString());
        await WaitUntilAsync(process, address, HealthCheckResponse.Types.ServingStatus.Serving);
        return (process, Channel(address));
    }

    /// <summary>Funding reads assistance requests (to check approval) at this address.</summary>
    public static Dictionary<string, string> FundingDirectTo(Uri assistance) => new()
    {
        ["Invocation__Mode"] = "Direct",
        ["Invocation__Apps__assistance"] = assistance.ToString(),
    };

    public static Dictionary<string, string> DirectTo(Uri training) => new()
    {
        ["Invocation__Mode"] = "Direct",
        ["Invocation__Apps__training"] = training.ToString(),
    };

    public static Dictionary<string, string> DaprVia(Uri sidecar) => new()
    {
        ["Invocation__Mode"] = "Dapr",
        ["DAPR_GRPC_ENDPOINT"] = sidecar.ToString(),
    };

    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    public async Task DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        GatewayRest?.Dispose();
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        if (AssistanceSidecar is not null)
        {
            await AssistanceSidecar.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }

    private ServiceProcess StartAssistance(Uri address, IReadOnlyDictionary<string, string> invocation) =>
        StartService("assistance", address, invocation);

    private ServiceProcess StartService(string name, Uri address, IReadOnlyDictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(extra) { ["Redis__ConnectionString"] = Redis.ConnectionString };
        var project = $"services/CapacityBuilding.{char.ToUpperInvariant(name[0])}{name[1..]}";
        return Start(name, project, environment, "--urls", address.ToString());
    }

    private ServiceProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var process = ServiceProcess.Start(name, project, environment, arguments);
        processes.Add(process);
        return process;
    }

    private GrpcChannel Channel(Uri address)
    {
        var channel = GrpcChannel.ForAddress(address);
        channels.Add(channel);
        return channel;
    }

    private Task WaitUntilServingAsync(ServiceProcess process, Uri address) =>
        WaitUntilAsync(process, address, HealthCheckResponse.Types.ServingStatus.Serving);

    private Task WaitUntilAsync(ServiceProcess process, Uri address, HealthCheckResponse.Types.ServingStatus status)
    {
        var health = new Health.HealthClient(Channel(address));
        return process.WaitUntilReadyAsync(
            async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status == status,
            StartTimeout);
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteDefinition : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
