using CapacityBuilding.Contracts.Training.V1;
using Grpc.Core;

namespace CapacityBuilding.Benchmarks.Hosting;

/// <summary>
/// Answers GetCourse with one fixed course and does nothing else: the cost of Kestrel, HTTP/2 and
/// gRPC framing alone, the ceiling every other case is compared with. It serves the training
/// service's path so that our gateway's real route can point at it.
/// </summary>
internal sealed class NoopTrainingService : TrainingService.TrainingServiceBase
{
    private static readonly GetCourseResponse Response = new()
    {
        Course = new Course { Name = "courses/0123456789abcdef0123456789abcdef", Title = "No-op", Languages = { "en" } },
    };

    public override Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context) => Task.FromResult(Response);
}
