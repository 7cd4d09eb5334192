using CapacityBuilding.Contracts.Assistance.V1;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>The writes the cases time, the same wherever they are made (cases 5, 6 and 13).</summary>
internal static class BenchmarkWrites
{
    /// <summary>A small request for one course, with a request id of its own, so that every call creates one.</summary>
    public static CreateAssistanceRequestRequest Create(string courseName) => new()
    {
        AssistanceRequest = new AssistanceRequest
        {
            RequestingState = "GHA",
            Title = "Benchmark request",
            ThematicAreas = { Contracts.Common.V1.ThematicArea.ElectronicEvidence },
            Courses = { courseName },
        },
        RequestId = Guid.NewGuid().ToString("N"),
    };

    /// <summary>A coordinator's approval of a request UNDER_REVIEW, confirming the overlaps it may have with the seeded requests.</summary>
    public static ReviewAssistanceRequestRequest Approve(string requestName) => new()
    {
        Name = requestName,
        Decision = Decision.Approve,
        Reason = "Fits the programme's e-evidence priorities.",
        OverlapConfirmation = "Benchmark: the seeded requests may share a state, areas and dates.",
    };
}
