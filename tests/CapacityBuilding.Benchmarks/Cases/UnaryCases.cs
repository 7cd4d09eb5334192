using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>Cases 1 to 6: the ceiling, the proxies, a Redis-backed read and a create across services.</summary>
internal static class UnaryCases
{
    private static readonly GetCourseRequest NoopRequest = new() { Name = "courses/0123456789abcdef0123456789abcdef" };

    public static IReadOnlyList<BenchmarkCase> All(BenchmarkSuite suite, string storedRequestName, string courseName)
    {
        var noop = new TrainingService.TrainingServiceClient(suite.Noop);
        var proxied = new TrainingService.TrainingServiceClient(suite.BareProxy);
        var gateway = new TrainingService.TrainingServiceClient(suite.Gateway);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var assistanceViaGateway = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var get = new GetAssistanceRequestRequest { Name = storedRequestName };

        return
        [
            new("1", "no-op, bare Kestrel", "client -> no-op", async () => await noop.GetCourseAsync(NoopRequest)),
            new("2", "no-op behind bare YARP", "client -> YARP -> no-op", async () => await proxied.GetCourseAsync(NoopRequest)),
            new("3", "no-op behind our gateway", "client -> gateway (auth, rate limit) -> no-op", async () => await gateway.GetCourseAsync(NoopRequest), ComparedWith: "2", TargetRatio: 0.9),
            new("4", "GetAssistanceRequest", "client -> assistance -> Redis", async () => await assistance.GetAssistanceRequestAsync(get), ComparedWith: "1", TargetRatio: 0.5),
            new("5", "CreateAssistanceRequest", "client -> gateway -> assistance -> training (course check) + Redis script", async () =>
                await assistanceViaGateway.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
                {
                    AssistanceRequest = new AssistanceRequest
                    {
                        RequestingState = "GHA",
                        Title = "Benchmark request",
                        ThematicAreas = { Contracts.Common.V1.ThematicArea.ElectronicEvidence },
                        Courses = { courseName },
                    },
                    RequestId = Guid.NewGuid().ToString("N"),
                }), ComparedWith: "3", TargetRatio: 0.5),
        ];
    }

    /// <summary>
    /// Case 6, the extension point for approve -> allocate across assistance and funding: when
    /// the lifecycle (issue 3) and allocations (issue 5) are merged, replace this with a
    /// <see cref="BenchmarkCase"/> in <see cref="All"/> that approves a seeded submitted request
    /// and allocates a pledge to it, compared with case 5.
    /// </summary>
    public static PendingCase ApproveThenAllocate { get; } = new(
        "6", "approve -> allocate", "needs the request lifecycle (issue 3) and funding allocations (issue 5); not merged yet");
}
