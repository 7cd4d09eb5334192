using System.Security.Cryptography;
using CapacityBuilding.Benchmarks.Hosting;
using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Benchmarks.Suite;

/// <summary>
/// Everything the cases call, each a process of its own on loopback: redis-server, training,
/// assistance (direct mode, checking courses with training), funding (direct mode, reading
/// requests from assistance), the no-op server, a bare YARP proxy in front of it, another in front
/// of assistance, and our gateway
/// whose training route points at the no-op server (and whose assistance and funding routes point
/// at the real services), with its rate limit raised out of the way and the routes of
/// <see cref="GatewayVariantRoutes"/> added. The portal's suite
/// (<see cref="StartWithPortalAsync"/>) runs instead the portal in Development (its demo sign-in)
/// behind a gateway whose every route points at the real services, as run.sh starts them.
/// </summary>
internal sealed class BenchmarkSuite : IAsyncDisposable
{
    private const string Issuer = "capacitybuilding-local";
    private const string Audience = "capacitybuilding-api";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string coordinatorToken;
    private Uri gatewayGrpcAddress = null!;
    private readonly SuiteServiceTokens serviceTokens = new();
    private readonly List<ServiceProcess> processes = [];
    private readonly List<GrpcChannel> channels = [];
    private readonly List<RedisServer> separateRedis = [];
    private Uri trainingAddress = null!;
    private Uri assistanceAddress = null!;
    private Uri fundingAddress = null!;

    private BenchmarkSuite(RedisServer redis)
    {
        Redis = redis;
        coordinatorToken = new DevTokenIssuer(Issuer, Audience, signingKey).Mint(CallerRole.Coordinator, "benchmark");
    }

    public RedisServer Redis { get; }

    public GrpcChannel Noop { get; private set; } = null!;

    public GrpcChannel BareProxy { get; private set; } = null!;

    public GrpcChannel Gateway { get; private set; } = null!;

    /// <summary>
    /// What <see cref="Gateway"/>'s calls carry, as call metadata for a channel that carries none of
    /// its own (<see cref="GatewayVariant"/>): the relaying app's header, which the gateway drops, and
    /// the coordinator's bearer token when <paramref name="withToken"/>. The same headers, so that a
    /// variant's gateway reads and drops as much as case 12's.
    /// </summary>
    public Metadata GatewayCallHeaders(bool withToken)
    {
        var headers = new Metadata { { RelayingAppHeader.Name, RelayingAppHeader.Format(serviceTokens.Current()) } };
        if (withToken)
        {
            headers.Add("authorization", "Bearer " + coordinatorToken);
        }

        return headers;
    }

    /// <summary>A bare YARP proxy in front of assistance: the reference for our gateway on a Redis-backed read.</summary>
    public GrpcChannel BareProxyToAssistance { get; private set; } = null!;

    public ServiceProcess BareProxyToAssistanceProcess { get; private set; } = null!;

    public GrpcChannel Assistance { get; private set; } = null!;

    public GrpcChannel Training { get; private set; } = null!;

    public GrpcChannel Funding { get; private set; } = null!;

    public ServiceProcess GatewayProcess { get; private set; } = null!;

    /// <summary>The gateway's HTTP address, where browsers reach the portal.</summary>
    public Uri GatewayRestAddress { get; private set; } = null!;

    /// <summary>Name and process id of every process the suite runs, the harness itself included.</summary>
    public IEnumerable<(string Name, int ProcessId)> Processes =>
        [
            ("harness (load generator)", Environment.ProcessId),
            ("redis-server", Redis.ProcessId),
            .. separateRedis.Select(redis => ("redis-server (separate assistance)", redis.ProcessId)),
            .. processes.Select(process => (process.Name, process.Id)),
        ];

    /// <summary>
    /// The processes that ended during the run, each with the last lines it printed: a process
    /// that dies (out of memory, a crash) fails every later call through it, and the report says why.
    /// </summary>
    public IEnumerable<string> Exited => processes
        .Where(process => process.HasExited)
        .Select(process => $"{process.Name} exited during the run; its last output:\n{process.Tail(20)}");

    public static async Task<BenchmarkSuite> StartAsync()
    {
        var suite = new BenchmarkSuite(await RedisServer.StartAsync());
        await suite.StartProcessesAsync(withPortal: false);
        return suite;
    }

    /// <summary>A suite of its own for the portal's pages (case 11), so that no other case's stored requests show in them.</summary>
    public static async Task<BenchmarkSuite> StartWithPortalAsync()
    {
        var suite = new BenchmarkSuite(await RedisServer.StartAsync());
        await suite.StartProcessesAsync(withPortal: true);
        return suite;
    }

    private async Task StartProcessesAsync(bool withPortal)
    {
        var noopAddress = Loopback();
        var proxyAddress = Loopback();
        var assistanceProxyAddress = Loopback();
        var portalAddress = Loopback();
        trainingAddress = Loopback();
        assistanceAddress = Loopback();
        fundingAddress = Loopback();
        var gatewayRest = Loopback();
        var gatewayGrpc = Loopback();

        var references = withPortal
            ? [Start("portal", "services/CapacityBuilding.Portal", PortalSettings(assistanceAddress), "--urls", portalAddress.ToString())]
            : new[]
            {
                Start("no-op gRPC server", "tests/CapacityBuilding.Benchmarks", [], NoopServer.Role, "--urls", noopAddress.ToString()),
                Start("bare YARP proxy", "tests/CapacityBuilding.Benchmarks", [], Hosting.BareProxy.Role, "--urls", proxyAddress.ToString(), "--Destination", noopAddress.ToString()),
                Start("bare YARP proxy (assistance)", "tests/CapacityBuilding.Benchmarks", [], Hosting.BareProxy.Role, "--urls", assistanceProxyAddress.ToString(), "--Destination", assistanceAddress.ToString()),
            };
        // Training tells assistance of delivery events (the portal suite's demo data has one).
        var training = Start("training", "services/CapacityBuilding.Training", WithRedis("training", new()
        {
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__assistance"] = assistanceAddress.ToString(),
        }), "--urls", trainingAddress.ToString());
        var assistance = Start("assistance", "services/CapacityBuilding.Assistance", WithRedis("assistance", new()
        {
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__training"] = trainingAddress.ToString(),
            ["Invocation__Apps__funding"] = fundingAddress.ToString(),
        }), "--urls", assistanceAddress.ToString());
        var funding = Start("funding", "services/CapacityBuilding.Funding", WithRedis("funding", new()
        {
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__assistance"] = assistanceAddress.ToString(),
        }), "--urls", fundingAddress.ToString());
        GatewayProcess = Start("gateway", "gateway/CapacityBuilding.Gateway", new(withPortal ? new Dictionary<string, string>() : GatewayVariantRoutes.Configuration(coordinatorToken))
        {
            ["Kestrel__Endpoints__Rest__Url"] = gatewayRest.ToString(),
            ["Kestrel__Endpoints__Grpc__Url"] = gatewayGrpc.ToString(),
            ["ReverseProxy__Clusters__assistance__Destinations__primary__Address"] = assistanceAddress.ToString(),
            ["ReverseProxy__Clusters__training__Destinations__primary__Address"] = (withPortal ? trainingAddress : noopAddress).ToString(),
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = fundingAddress.ToString(),
            ["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = portalAddress.ToString(),
            ["RateLimiting__BurstLimit"] = "100000000",
            ["RateLimiting__PermitsPerSecond"] = "100000000",
            ["RateLimiting__PerAddressBurstLimit"] = "100000000",
            ["RateLimiting__PerAddressPermitsPerSecond"] = "100000000",
        });

        Noop = Channel(noopAddress);
        BareProxy = Channel(proxyAddress);
        Gateway = Channel(gatewayGrpc);
        gatewayGrpcAddress = gatewayGrpc;
        BareProxyToAssistance = Channel(assistanceProxyAddress);
        Assistance = Channel(assistanceAddress);
        Training = Channel(trainingAddress);
        Funding = Channel(fundingAddress);
        GatewayRestAddress = gatewayRest;

        await Task.WhenAll(
            withPortal
                ? references[0].WaitUntilReadyAsync(() => HttpHealthyAsync(portalAddress), StartTimeout)
                : Task.WhenAll(references[0].WaitUntilReadyAsync(() => AnswersAsync(Noop), StartTimeout), references[1].WaitUntilReadyAsync(() => AnswersAsync(BareProxy), StartTimeout)),
            training.WaitUntilReadyAsync(() => ServingAsync(Training), StartTimeout),
            assistance.WaitUntilReadyAsync(() => ServingAsync(Assistance), StartTimeout),
            funding.WaitUntilReadyAsync(() => ServingAsync(Funding), StartTimeout));
        if (!withPortal)
        {
            BareProxyToAssistanceProcess = references[2];
            await BareProxyToAssistanceProcess.WaitUntilReadyAsync(() => ServingAsync(BareProxyToAssistance), StartTimeout);
        }

        using var rest = new HttpClient { BaseAddress = gatewayRest };
        await GatewayProcess.WaitUntilReadyAsync(
            async () => (await rest.GetStringAsync(new Uri("/health", UriKind.Relative))).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal),
            StartTimeout);
    }

    /// <summary>
    /// Another assistance process, on a redis-server of its own, whose neighbours are the suite's
    /// training and funding: for case 10, whose requests must not change case 7's stored counts.
    /// </summary>
    public async Task<GrpcChannel> StartSeparateAssistanceAsync() => (await StartSeparateAssistanceOnRedisAsync()).Channel;

    /// <summary>The same, with the redis-server it stores in, for a case that seeds it directly (case 16).</summary>
    public async Task<(GrpcChannel Channel, RedisServer Redis)> StartSeparateAssistanceOnRedisAsync()
    {
        var redis = await RedisServer.StartAsync();
        separateRedis.Add(redis);
        var address = Loopback();
        var assistance = Start("assistance (separate)", "services/CapacityBuilding.Assistance", WithRedis(redis, "assistance", new()
        {
            ["Invocation__Mode"] = "Direct",
            ["Invocation__Apps__training"] = trainingAddress.ToString(),
            ["Invocation__Apps__funding"] = fundingAddress.ToString(),
        }), "--urls", address.ToString());
        var channel = Channel(address);
        await assistance.WaitUntilReadyAsync(() => ServingAsync(channel), StartTimeout);
        return (channel, redis);
    }

    /// <summary>
    /// The portal as run.sh starts it: Development (the demo users' sign-in, which mints their
    /// tokens with the suite's key), its own Redis user, the services in direct mode.
    /// </summary>
    private Dictionary<string, string> PortalSettings(Uri assistanceAddress) => WithRedis(RedisAcl.PortalUser, new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Invocation__Mode"] = "Direct",
        ["Invocation__Apps__assistance"] = assistanceAddress.ToString(),
        ["Invocation__Apps__training"] = trainingAddress.ToString(),
        ["Invocation__Apps__funding"] = fundingAddress.ToString(),
        ["Authentication__Jwt__Issuer"] = Issuer,
        ["Authentication__Jwt__Audience"] = Audience,
    });

    private static async Task<bool> HttpHealthyAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> AnswersAsync(GrpcChannel channel)
    {
        await new Contracts.Training.V1.TrainingService.TrainingServiceClient(channel)
            .GetCourseAsync(new Contracts.Training.V1.GetCourseRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
        return true;
    }

    private static async Task<bool> ServingAsync(GrpcChannel channel) =>
        (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status
            == HealthCheckResponse.Types.ServingStatus.Serving;

    /// <summary>The service signs in to Redis as its own ACL user, as in production.</summary>
    private Dictionary<string, string> WithRedis(string service, Dictionary<string, string> environment) =>
        WithRedis(Redis, service, environment);

    private static Dictionary<string, string> WithRedis(RedisServer redis, string service, Dictionary<string, string> environment)
    {
        foreach (var (key, value) in redis.ServiceConfiguration(service))
        {
            environment[key] = value;
        }

        return environment;
    }

    private ServiceProcess Start(string name, string project, Dictionary<string, string> environment, params string[] arguments)
    {
        if (DeploymentOf(project) is { } app)
        {
            foreach (var (key, value) in DeploymentGcSettings.Of(app))
            {
                environment[key] = value;
            }
        }

        environment["Authentication__Jwt__SigningKey"] = signingKey;
        environment[serviceTokens.Configuration.Key] = serviceTokens.Configuration.Value;
        environment.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        var process = ServiceProcess.Start(name, project, environment, arguments);
        processes.Add(process);
        return process;
    }

    /// <summary>Assistance as the focal point of <paramref name="country"/>, for what only a member state may do (consent to publication).</summary>
    public GrpcChannel AssistanceAsMemberState(string country) =>
        Channel(assistanceAddress, new DevTokenIssuer(Issuer, Audience, signingKey).Mint(CallerRole.MemberState, $"focal-point-{country}", country: country));

    /// <summary>Funding as donor <paramref name="donorId"/>, for a donor's own reports (case 15).</summary>
    public GrpcChannel FundingAsDonor(string donorId) =>
        Channel(fundingAddress, new DevTokenIssuer(Issuer, Audience, signingKey).Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId));

    /// <summary>Assistance as donor <paramref name="donorId"/>, for a donor's listing of the requests it funds (case 15d).</summary>
    public GrpcChannel AssistanceAsDonor(string donorId) =>
        Channel(assistanceAddress, new DevTokenIssuer(Issuer, Audience, signingKey).Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId));

    /// <summary>A shared HTTP/2 channel whose calls carry a coordinator's bearer token, as every case sends it, and the harness as relaying app.</summary>
    /// <summary>
    /// The gateway at a variant route's path base (<see cref="GatewayVariantRoutes"/>), with no
    /// headers of the channel's own: a call sends <see cref="GatewayCallHeaders"/>.
    /// </summary>
    public GrpcChannel GatewayVariant(string variant)
    {
        var handler = new PathBaseHandler(GatewayVariantRoutes.PathBase(variant), Http2ClientHandler.Create());
        var channel = GrpcChannel.ForAddress(gatewayGrpcAddress, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        channels.Add(channel);
        return channel;
    }

    private GrpcChannel Channel(Uri address, string? token = null)
    {
        // Relayed as the gateway relays, so that a direct call to a service pays for the same checks.
        var channel = LoopbackChannels.ForAddress(address, token ?? coordinatorToken, serviceTokens);
        channels.Add(channel);
        return channel;
    }

    /// <summary>The Deployment of an app of the suite (<c>services/CapacityBuilding.Training</c> is <c>training</c>); null for the harness's own reference servers.</summary>
    private static string? DeploymentOf(string project) =>
        Path.GetFileName(project) is var folder && folder != "CapacityBuilding.Benchmarks" ? folder["CapacityBuilding.".Length..].ToLowerInvariant() : null;

    private static Uri Loopback() => new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>Says which processes died and why before stopping the rest, also when the run itself failed (a seeding call to a dead service).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var exited in Exited)
        {
            Console.WriteLine(exited);
        }

        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await Redis.DisposeAsync();
        foreach (var redis in separateRedis)
        {
            await redis.DisposeAsync();
        }
    }
}
