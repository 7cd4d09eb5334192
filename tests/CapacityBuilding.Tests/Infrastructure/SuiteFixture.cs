using System.Net.Http.Headers;
using System.Security.Cryptography;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Portal.Browser;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>
/// The whole suite on loopback, once for all integration tests: a real redis-server (each service
/// and the portal signed in as its own ACL user, <see cref="RedisAcl"/>), the three services, the
/// portal (in Development, with the demo sign-in, and in strict missing-string mode) and the
/// gateway as separate processes in direct mode, and a second assistance
/// process in Dapr mode whose sidecar is <see cref="DaprSidecarStandIn"/>, enforcing the Dapr
/// access-control policies of k8s/.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Issuer and audience as in the services' appsettings.json; the key is the run's own.
    private const string Issuer = "capacitybuilding-local";
    private const string Audience = "capacitybuilding-api";

    private readonly List<ServiceProcess> processes = [];
    private readonly List<GrpcChannel> channels = [];

    /// <summary>This run's HS256 key (base64), given to every process.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>This run's ECDSA P-256 key (PEM) for signing chain checkpoints, given to every process.</summary>
    public string CheckpointSigningKey { get; } = NewCheckpointSigningKey();

    /// <summary>This run's service token key, and the harness's own token under it for calling services directly.</summary>
    public SuiteServiceTokens ServiceTokens { get; } = new();

    /// <summary>
    /// The token a Dapr sidecar hands each app of this run (<c>APP_API_TOKEN</c>), by which a
    /// service knows that a call came through its sidecar and believes its <c>dapr-caller-app-id</c>.
    /// </summary>
    public string AppApiToken { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>Mints tokens signed with this run's key, for any role.</summary>
    public DevTokenIssuer Tokens => new(Issuer, Audience, SigningKey);

    /// <summary>The token the fixture's own channels carry unless a test asks for another.</summary>
    public string CoordinatorToken => Tokens.Mint(CallerRole.Coordinator, "test-coordinator");

    public RedisServer Redis { get; private set; } = null!;

    public Uri TrainingAddress { get; private set; } = null!;

    public Uri AssistanceAddress { get; private set; } = null!;

    public Uri FundingAddress { get; private set; } = null!;

    /// <summary>The portal itself; browsers (and the portal tests) use <see cref="GatewayRestAddress"/>, as users do.</summary>
    public Uri PortalAddress { get; private set; } = null!;

    /// <summary>The gateway's gRPC (h2c) endpoint.</summary>
    public GrpcChannel Gateway { get; private set; } = null!;

    /// <summary>The gateway's REST (HTTP/1.1) endpoint, as a coordinator.</summary>
    public HttpClient GatewayRest { get; private set; } = null!;

    public Uri GatewayRestAddress { get; private set; } = null!;

    public Uri GatewayGrpcAddress { get; private set; } = null!;

    /// <summary>The assistance process that reaches training through the Dapr sidecar stand-in.</summary>
    public GrpcChannel DaprModeAssistance { get; private set; } = null!;

    /// <summary>The assistance process that reaches training and funding through the Dapr sidecar stand-in.</summary>
    public Uri DaprModeAssistanceAddress { get; private set; } = null!;

    public DaprSidecarStandIn AssistanceSidecar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        TrainingAddress = Loopback(FreePort.Next());
        AssistanceAddress = Loopback(FreePort.Next());
        FundingAddress = Loopback(FreePort.Next());

        var training = StartService("training", TrainingAddress, TrainingDirectTo(AssistanceAddress));
        var funding = StartService("funding", FundingAddress, FundingDirectTo(AssistanceAddress));
        var assistance = StartAssistance(AssistanceAddress, DirectTo(TrainingAddress, FundingAddress));

        AssistanceSidecar = await DaprSidecarStandIn.StartAsync("assistance", new Dictionary<string, Uri>
        {
            ["training"] = TrainingAddress,
            ["funding"] = FundingAddress,
        }, AppApiToken);
        var daprModeAddress = Loopback(FreePort.Next());
        var daprModeAssistance = StartAssistance(daprModeAddress, DaprVia(AssistanceSidecar.Address));
        PortalAddress = Loopback(FreePort.Next());
        var portal = StartPortal(PortalAddress, "Development", new Dictionary<string, string>());

        // All tests share one coordinator identity and run in parallel bursts (200 enrolments at
        // once): the shared gateway's per-caller, per-address and public limits are lifted (a full run's
        // anonymous calls, registry pages included, pass the public burst within a minute); the rate-limit tests start their own.
        var (gateway, gatewayRest, gatewayGrpc) = StartGateway(new Dictionary<string, string>
        {
            ["RateLimiting__BurstLimit"] = "1000000",
            ["RateLimiting__PermitsPerSecond"] = "1000000",
            ["RateLimiting__PerAddressBurstLimit"] = "1000000",
            ["RateLimiting__PerAddressPermitsPerSecond"] = "1000000",
            ["RateLimiting__ReportBurstLimit"] = "1000000",
            ["RateLimiting__ReportPermitsPerMinute"] = "1000000",
            ["RateLimiting__PublicBurstLimit"] = "1000000",
            ["RateLimiting__PublicPermitsPerMinute"] = "1000000",
        });
        GatewayGrpcAddress = gatewayGrpc;
        Gateway = Channel(gatewayGrpc);
        GatewayRestAddress = gatewayRest;
        GatewayRest = RestClient(CoordinatorToken);
        DaprModeAssistance = Channel(daprModeAddress);
        DaprModeAssistanceAddress = daprModeAddress;

        await Task.WhenAll(
            WaitUntilServingAsync(training, TrainingAddress),
            WaitUntilServingAsync(funding, FundingAddress),
            WaitUntilServingAsync(assistance, AssistanceAddress),
            WaitUntilServingAsync(daprModeAssistance, daprModeAddress),
            WaitUntilHttpHealthyAsync(portal, PortalAddress));
        await WaitUntilHealthyAsync(gateway, gatewayRest);
    }

    /// <summary>
    /// Starts one more portal of a test's own, in front of the fixture's services, in
    /// <paramref name="environment"/> (e.g. Production, where only OpenID Connect signs users in),
    /// with extra configuration. Stopped with the fixture.
    /// </summary>
    public async Task<(ServiceProcess Process, Uri Address)> StartExtraPortalAsync(string environment, IReadOnlyDictionary<string, string> configuration)
    {
        var address = Loopback(FreePort.Next());
        var process = StartPortal(address, environment, configuration);
        await WaitUntilHttpHealthyAsync(process, address);
        return (process, address);
    }

    private ServiceProcess StartPortal(Uri address, string environment, IReadOnlyDictionary<string, string> configuration) =>
        Start("portal", "services/CapacityBuilding.Portal", PortalSettings(environment, configuration), "--urls", address.ToString());

    /// <summary>
    /// What the fixture starts a portal with (without the signing key, which every process gets):
    /// its Redis user, the fixture's services in direct mode, strict missing-string mode, and
    /// <paramref name="configuration"/> over it.
    /// </summary>
    public Dictionary<string, string> PortalSettings(string environment, IReadOnlyDictionary<string, string> configuration)
    {
        var settings = new Dictionary<string, string>(Redis.ServiceConfiguration(RedisAcl.PortalUser))
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Portal__Localization__FailOnMissingStrings"] = "true",
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__assistance"] = AssistanceAddress.ToString(),
            ["Invocation__Apps__training"] = TrainingAddress.ToString(),
            ["Invocation__Apps__funding"] = FundingAddress.ToString(),
            ["Authentication__Jwt__Issuer"] = Issuer,
            ["Authentication__Jwt__Audience"] = Audience,
        };
        foreach (var (key, value) in configuration)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task WaitUntilHttpHealthyAsync(ServiceProcess process, Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilReadyAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return response.IsSuccessStatusCode;
            },
            StartTimeout);
    }

    /// <summary>
    /// Starts one more gateway of a test's own, in front of the fixture's services (or others named
    /// in <paramref name="configuration"/>), with extra configuration (e.g. a tight rate limit).
    /// Returns its REST and gRPC addresses.
    /// </summary>
    public async Task<(ServiceProcess Process, Uri RestAddress, Uri GrpcAddress)> StartExtraGatewayAsync(IReadOnlyDictionary<string, string> configuration)
    {
        var (process, rest, grpc) = StartGateway(configuration);
        await WaitUntilHealthyAsync(process, rest);
        return (process, rest, grpc);
    }

    private (ServiceProcess Process, Uri RestAddress, Uri GrpcAddress) StartGateway(IReadOnlyDictionary<string, string> configuration)
    {
        var rest = Loopback(FreePort.Next());
        var grpc = Loopback(FreePort.Next());
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Rest__Url"] = rest.ToString(),
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.ToString(),
            ["ReverseProxy__Clusters__assistance__Destinations__primary__Address"] = AssistanceAddress.ToString(),
            ["ReverseProxy__Clusters__training__Destinations__primary__Address"] = TrainingAddress.ToString(),
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = FundingAddress.ToString(),
            ["ReverseProxy__Clusters__assistance__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__training__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__funding__HealthCheck__Active__Interval"] = "00:00:01",
            ["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = PortalAddress.ToString(),
            ["ReverseProxy__Clusters__portal__HealthCheck__Active__Interval"] = "00:00:01",
        };
        // The caller's configuration wins, so a test may point the gateway at services of its own.
        foreach (var (key, value) in configuration)
        {
            environment[key] = value;
        }

        return (Start("gateway", "gateway/CapacityBuilding.Gateway", environment), rest, grpc);
    }

    private static async Task WaitUntilHealthyAsync(ServiceProcess gateway, Uri rest)
    {
        using var client = new HttpClient { BaseAddress = rest };
        await gateway.WaitUntilReadyAsync(
            async () => (await client.GetStringAsync(new Uri("/health", UriKind.Relative))).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal),
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
        var environment = new Dictionary<string, string>(Redis.ServiceConfiguration("assistance").Concat(invocation));
        if (redisConnectionString is not null)
        {
            environment["Redis__ConnectionString"] = redisConnectionString;
        }

        var process = Start("assistance", "services/CapacityBuilding.Assistance", environment, "--urls", address.ToString());
        await WaitUntilAsync(process, address, readyWhen);
        return (process, Channel(address));
    }

    /// <summary>
    /// Starts one more process of a service (<c>assistance</c>, <c>training</c>, <c>funding</c>) of a
    /// test's own at <paramref name="address"/>, which may be the address of one the test killed,
    /// so that clients reconnect to the same place. <paramref name="configuration"/> may override
    /// the Redis connection.
    /// </summary>
    public async Task<ServiceProcess> StartExtraServiceAsync(
        string name,
        Uri address,
        IReadOnlyDictionary<string, string> configuration,
        HealthCheckResponse.Types.ServingStatus readyWhen = HealthCheckResponse.Types.ServingStatus.Serving)
    {
        var environment = new Dictionary<string, string>(Redis.ServiceConfiguration(name));
        foreach (var (key, value) in configuration)
        {
            environment[key] = value;
        }

        var project = $"services/CapacityBuilding.{char.ToUpperInvariant(name[0])}{name[1..]}";
        var process = Start(name, project, environment, "--urls", address.ToString());
        await WaitUntilAsync(process, address, readyWhen);
        return process;
    }

    /// <summary>
    /// Starts one more funding process of a test's own (for fault cases, e.g. assistance
    /// unreachable), stopped with the fixture or earlier by the test.
    /// </summary>
    public async Task<(ServiceProcess Process, GrpcChannel Channel)> StartExtraFundingAsync(IReadOnlyDictionary<string, string> invocation)
    {
        var address = Loopback(FreePort.Next());
        var environment = new Dictionary<string, string>(Redis.ServiceConfiguration("funding").Concat(invocation));
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

    /// <summary>
    /// Training reads the requests events serve, and records their steps, at this address; it
    /// retries unrecorded steps every second, so tests see a retry soon.
    /// </summary>
    public static Dictionary<string, string> TrainingDirectTo(Uri assistance) => new(FundingDirectTo(assistance))
    {
        ["Delivery__History__RetryInterval"] = "00:00:01",
    };

    /// <summary>Assistance checks courses with training and asks funding what a donor funds (when given).</summary>
    public static Dictionary<string, string> DirectTo(Uri training, Uri? funding = null)
    {
        var configuration = new Dictionary<string, string>
        {
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__training"] = training.ToString(),
        };
        if (funding is not null)
        {
            configuration["Invocation__Apps__funding"] = funding.ToString();
        }

        return configuration;
    }

    public static Dictionary<string, string> DaprVia(Uri sidecar) => new()
    {
        ["Invocation__Mode"] = "Dapr",
        ["DAPR_GRPC_ENDPOINT"] = sidecar.ToString(),
    };

    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>What each process of the suite printed last, for the message of a failure nobody can rerun (CI).</summary>
    public string RecentOutputOfProcesses(int linesEach = 40) =>
        string.Join('\n', processes.Select(process => $"--- {process.Name}, last {linesEach} lines:\n{process.Tail(linesEach)}"));

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
        var environment = new Dictionary<string, string>(Redis.ServiceConfiguration(name).Concat(extra));
        var project = $"services/CapacityBuilding.{char.ToUpperInvariant(name[0])}{name[1..]}";
        return Start(name, project, environment, "--urls", address.ToString());
    }

    private ServiceProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var withKey = new Dictionary<string, string>(environment)
        {
            ["Authentication__Jwt__SigningKey"] = SigningKey,
            ["Audit__CheckpointSigningKey"] = CheckpointSigningKey,
            [ServiceTokens.Configuration.Key] = ServiceTokens.Configuration.Value,
            ["APP_API_TOKEN"] = AppApiToken,
        };
        var process = ServiceProcess.Start(name, project, withKey, arguments);
        processes.Add(process);
        return process;
    }

    /// <summary>
    /// A channel whose calls carry <paramref name="token"/> (a coordinator's unless given; none when
    /// empty), relayed by the harness as an app of the suite (<see cref="ServiceTokens"/>), as the
    /// gateway relays its callers' calls.
    /// </summary>
    public GrpcChannel Channel(Uri address, string? token = null)
    {
        var channel = LoopbackChannels.ForAddress(address, token ?? CoordinatorToken, ServiceTokens);
        channels.Add(channel);
        return channel;
    }

    /// <summary>A REST client of the gateway whose requests carry <paramref name="token"/> (none when empty).</summary>
    public HttpClient RestClient(string token)
    {
        var client = new HttpClient { BaseAddress = GatewayRestAddress ?? throw new InvalidOperationException("Gateway not started.") };
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
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

    private static string NewCheckpointSigningKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteDefinition : ICollectionFixture<SuiteFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "suite";
}
