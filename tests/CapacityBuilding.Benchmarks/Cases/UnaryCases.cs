using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>Cases 1 to 6: the ceiling, the proxies, a Redis-backed read (direct, and as 5r through the gateway), a create across services and the approve -> allocate chain.</summary>
internal static class UnaryCases
{
    private static readonly GetCourseRequest NoopRequest = new() { Name = "courses/0123456789abcdef0123456789abcdef" };

    public static IReadOnlyList<BenchmarkCase> All(BenchmarkSuite suite, string storedRequestName, string courseName, ApprovalChain chain)
    {
        var noop = new TrainingService.TrainingServiceClient(suite.Noop);
        var proxied = new TrainingService.TrainingServiceClient(suite.BareProxy);
        var gateway = new TrainingService.TrainingServiceClient(suite.Gateway);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var assistanceViaGateway = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var fundingViaGateway = new FundingService.FundingServiceClient(suite.Gateway);
        var get = new GetAssistanceRequestRequest { Name = storedRequestName };

        return
        [
            new("1", "no-op, bare Kestrel", "client -> no-op", async () => await noop.GetCourseAsync(NoopRequest)),
            new("2", "no-op behind bare YARP", "client -> YARP -> no-op", async () => await proxied.GetCourseAsync(NoopRequest)),
            new("3", "no-op behind our gateway", "client -> gateway (auth, rate limit) -> no-op", async () => await gateway.GetCourseAsync(NoopRequest), ComparedWith: "2", TargetRatio: 0.9),
            new("4", "GetAssistanceRequest", "client -> assistance -> Redis", async () => await assistance.GetAssistanceRequestAsync(get), ComparedWith: "1", TargetRatio: 0.5),
            // Not a target: the cheapest Redis-backed call on case 5's path, so that the report
            // separates what the extra hop costs from what a create itself costs.
            new("5r", "GetAssistanceRequest through our gateway", "client -> gateway (auth, rate limit) -> assistance -> Redis", async () =>
                await assistanceViaGateway.GetAssistanceRequestAsync(get), ComparedWith: "3"),
            new("5", "CreateAssistanceRequest", "client -> gateway -> assistance -> training (course check) + Redis script", async () =>
                await assistanceViaGateway.CreateAssistanceRequestAsync(BenchmarkWrites.Create(courseName)), ComparedWith: "3", TargetRatio: 0.5),
            new("6", "approve -> allocate", "client -> gateway -> assistance (approve) -> training (matching) + Redis scripts; then -> gateway -> funding -> assistance (approved?) + Redis script",
                () => ApproveThenAllocateAsync(assistanceViaGateway, fundingViaGateway, chain), ComparedWith: "5"),
        ];
    }

    /// <summary>
    /// One iteration of case 6, timed as a whole: a coordinator approves a fresh request that is
    /// UNDER_REVIEW, then allocates a small amount to it from the committed pledge, as funding a
    /// request right after deciding on it does.
    /// </summary>
    internal static async Task ApproveThenAllocateAsync(
        AssistanceService.AssistanceServiceClient assistance, FundingService.FundingServiceClient funding, ApprovalChain chain)
    {
        var request = chain.Requests.Take();
        await assistance.ReviewAssistanceRequestAsync(BenchmarkWrites.Approve(request));
        await funding.CreateAllocationAsync(new CreateAllocationRequest
        {
            Allocation = new Allocation { Pledge = chain.Pledge, AssistanceRequest = request, Amount = chain.Allocation },
            RequestId = Guid.NewGuid().ToString("N"),
        });
    }
}
