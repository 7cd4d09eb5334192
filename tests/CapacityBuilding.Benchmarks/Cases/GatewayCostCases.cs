using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 12: what our gateway costs beside bare YARP on a Redis-backed read. The same
/// GetAssistanceRequest of the same stored request, through a bare YARP proxy in front of
/// assistance (12y) and through our gateway with auth on and the per-caller rate limit enabled
/// but never reached (12), each proxy's CPU per call read from /proc. Then the gateway again on
/// variant routes that each leave one route policy out, each at a path of its own
/// (<see cref="GatewayVariantRoutes"/>): the difference of CPU and bytes per call is what that
/// policy costs.
/// </summary>
internal static class GatewayCostCases
{
    public const string BareYarp = "12y";
    public const string Gateway = "12";

    /// <summary>Case 12 serves at least this share of 12y's calls per second.</summary>
    private const double ThroughputTarget = 0.9;

    /// <summary>Case 12's gateway spends at most this many times the CPU per call of 12y's bare YARP.</summary>
    private const double CpuTarget = 1.15;

    private static readonly (string Variant, string Left)[] Variants =
    [
        (GatewayVariantRoutes.WithoutAuthentication, "authentication and authorization (JwtBearer, the caller policy)"),
        (GatewayVariantRoutes.WithoutRateLimiter, "the per-caller rate limiter"),
        (GatewayVariantRoutes.WithoutCors, "the CORS policy"),
        (GatewayVariantRoutes.WithoutAnyPolicy, "every route policy"),
    ];

    public static IReadOnlyList<BenchmarkCase> All(BenchmarkSuite suite, string storedRequestName)
    {
        var get = new GetAssistanceRequestRequest { Name = storedRequestName };
        var bare = new AssistanceService.AssistanceServiceClient(suite.BareProxyToAssistance);
        var gateway = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var gatewayProcess = suite.GatewayProcess.Id;
        List<BenchmarkCase> cases =
        [
            new(BareYarp, "GetAssistanceRequest behind bare YARP", "client -> YARP -> assistance -> Redis",
                async () => await bare.GetAssistanceRequestAsync(get), CpuOf: suite.BareProxyToAssistanceProcess.Id),
            new(Gateway, "GetAssistanceRequest behind our gateway", "client -> gateway (auth, rate limit, deadline, CORS) -> assistance -> Redis",
                async () => await gateway.GetAssistanceRequestAsync(get), ComparedWith: BareYarp, TargetRatio: ThroughputTarget, CpuOf: gatewayProcess, CpuTargetRatio: CpuTarget),
        ];
        foreach (var (variant, left) in Variants)
        {
            var client = new AssistanceService.AssistanceServiceClient(suite.GatewayVariant(variant));
            var headers = suite.GatewayCallHeaders(withToken: GatewayVariantRoutes.ClientSendsToken(variant));
            cases.Add(new($"{Gateway}-{variant}", $"GetAssistanceRequest behind our gateway without {left}", "client -> gateway (variant route) -> assistance -> Redis",
                async () => await client.GetAssistanceRequestAsync(get, headers), ComparedWith: Gateway, CpuOf: gatewayProcess));
        }

        return cases;
    }

    /// <summary>Whether <paramref name="caseId"/> is one of the variants, whose CPU per call taken from case 12's prices what it leaves out.</summary>
    public static bool IsVariant(string caseId) => caseId.StartsWith(Gateway + "-", StringComparison.Ordinal);
}
