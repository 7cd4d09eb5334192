using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 13: the tail a user sees when the suite is steadily busy, not saturated. Calls offered at
/// one fixed moderate rate (<c>--SteadyCallsPerSecond</c>), open loop: the no-op on bare Kestrel
/// (13k, the reference), and a mix through the gateway as users make it (13): in every ten calls,
/// five reads of a request, two first pages of the request list, two creates and one approval of
/// a request UNDER_REVIEW. The target is the mix's p99 within 1.5 times the no-op's.
/// </summary>
internal static class SteadyMixCases
{
    public const string Reference = "13k";
    public const string Mix = "13";

    /// <summary>Of each ten calls of the mix, the one that approves: the pool needs a tenth of the calls.</summary>
    public const double ApprovalShare = 0.1;

    private static readonly GetCourseRequest NoopRequest = new() { Name = "courses/0123456789abcdef0123456789abcdef" };

    public static IReadOnlyList<BenchmarkCase> All(BenchmarkSuite suite, string storedRequestName, string courseName, UnderReviewPool approvals, double callsPerSecond)
    {
        var noop = new TrainingService.TrainingServiceClient(suite.Noop);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var get = new GetAssistanceRequestRequest { Name = storedRequestName };
        var list = new ListAssistanceRequestsRequest { PageSize = 50 };
        var turn = 0L;
        var offered = FormattableString.Invariant($"open loop, {callsPerSecond:0} calls/s offered");
        return
        [
            new(Reference, "no-op, bare Kestrel, steady rate", $"client -> no-op; {offered}", async () => await noop.GetCourseAsync(NoopRequest),
                OfferedCallsPerSecond: callsPerSecond),
            new(Mix, "mixed calls through the gateway, steady rate", $"client -> gateway -> assistance (5 reads, 2 lists, 2 creates, 1 approval in 10); {offered}",
                () => (Interlocked.Increment(ref turn) % 10) switch
                {
                    < 5 => assistance.GetAssistanceRequestAsync(get).ResponseAsync,
                    < 7 => assistance.ListAssistanceRequestsAsync(list).ResponseAsync,
                    < 9 => assistance.CreateAssistanceRequestAsync(BenchmarkWrites.Create(courseName)).ResponseAsync,
                    _ => assistance.ReviewAssistanceRequestAsync(BenchmarkWrites.Approve(approvals.Take())).ResponseAsync,
                },
                ComparedWith: Reference, OfferedCallsPerSecond: callsPerSecond),
        ];
    }
}
