using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// Asks the training service, through the invocation layer, for courses that fit a request
/// (its themes, languages, audiences and desired window). Never throws for training's failures:
/// the caller records them on the request so that matching can be retried.
/// </summary>
public sealed partial class CourseMatcher(ServiceClientFactory<TrainingClient> training, TimeProvider clock, ILogger<CourseMatcher> logger)
{
    public const int MaxProposedCourses = 10;

    public async Task<StoredCourseProposal> ProposeAsync(StoredAssistanceRequest request, CancellationToken cancellationToken)
    {
        var query = new MatchCoursesRequest
        {
            ThematicAreas = { request.ThematicAreas },
            Languages = { request.Languages },
            Audiences = { request.TargetAudiences },
            EarliestStart = CalendarDates.ToMessage(request.DesiredStart),
            LatestEnd = CalendarDates.ToMessage(request.DesiredEnd),
            MaxResults = MaxProposedCourses,
        };
        try
        {
            var response = await training.Create().MatchCoursesAsync(query, cancellationToken: cancellationToken);
            return new StoredCourseProposal(
                CourseProposal.Types.Status.Matched,
                [.. response.Matches.Select(match => new StoredProposedCourse(match.Course, match.Title, match.Score, [.. match.Reasons], [.. match.OpenSessions]))],
                clock.GetUtcNow(),
                "");
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogMatchingFailed(logger, exception.StatusCode);
            return Failed($"The training service answered {exception.StatusCode}; retry with MatchAssistanceRequestCourses.");
        }
    }

    public StoredCourseProposal Pending() => new(CourseProposal.Types.Status.Pending, [], clock.GetUtcNow(), "");

    private StoredCourseProposal Failed(string failure) => new(CourseProposal.Types.Status.Failed, [], clock.GetUtcNow(), failure);

    [LoggerMessage(EventId = EventIds.CourseMatchingFailed, Level = LogLevel.Warning, Message = "Course matching failed: training answered {StatusCode}")]
    private static partial void LogMatchingFailed(ILogger logger, StatusCode statusCode);
}
