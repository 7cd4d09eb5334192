using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Sessions;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateSessionResponse> CreateSession(CreateSessionRequest request, ServerCallContext context)
    {
        var course = await ExistingCourseAsync(request.Parent, "parent");
        sessionValidator.ValidateCreate(request, course);
        if (request.ValidateOnly)
        {
            // The create's script refuses a retired course in the same step as the write; checked here instead.
            return course.Status == CourseStatus.Retired ? throw CourseTakesNoSessions(request.Parent, course.Status.ToString()) : new CreateSessionResponse();
        }

        // Every role that may call reads every session: a replay needs no row-level check.
        var outcome = await sessions.CreateAsync(request.Session.ToNewStoredSession(course.Id, clock.GetUtcNow()), IdempotentCreate.Of(context.GetCaller(), request));
        return outcome switch
        {
            SessionCreateOutcome.Created created => new CreateSessionResponse { Session = (await sessions.WithSeatsAsync([created.Session]))[0].ToMessage() },
            SessionCreateOutcome.CourseMissing => throw errors.NotFound(CourseNames.Course.ResourceType, request.Parent),
            SessionCreateOutcome.CourseNotOpen notOpen => throw CourseTakesNoSessions(request.Parent, notOpen.Status),
            SessionCreateOutcome.TooManySeats tooMany => throw errors.InvalidArgument("session.seat_capacity",
                $"must be between 1 and {tooMany.MaxClassSize}, the course's max_class_size."),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
    }

    private RpcException CourseTakesNoSessions(string courseName, string storedStatus) =>
        errors.WrongStatus(ErrorReasons.CourseRetired, $"{courseName} is {ProtoEnumNames.OfStored<CourseStatus>(storedStatus)}: it takes no new sessions.",
            ProtoEnumNames.OfStored<CourseStatus>(storedStatus));

    public override async Task<GetSessionResponse> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        var session = await ExistingSessionAsync(request.Name, "name");
        return new GetSessionResponse { Session = (await sessions.WithSeatsAsync([session]))[0].ToMessage() };
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var course = await ExistingCourseAsync(request.Parent, "parent");
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await sessions.ListAsync(course.Id, pageSize, afterId);
        var withSeats = await sessions.WithSeatsAsync(items);
        return new ListSessionsResponse
        {
            Sessions = { withSeats.Select(session => session.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override async Task<UpdateSessionResponse> UpdateSession(UpdateSessionRequest request, ServerCallContext context)
    {
        if (request.Session is null)
        {
            throw errors.InvalidArgument("session", "is required.");
        }

        var current = await ExistingSessionAsync(request.Session.Name, "session.name");
        var violations = new FieldViolations();
        var mask = SessionMessages.UpdatableFields.Resolve(request.UpdateMask, request.Session, violations);
        var updated = SessionMessages.UpdatableFields.Merge(mask, current.ToMessage(0, 0, 0), request.Session);
        sessionValidator.ValidateUpdated(violations, updated, mask.Paths.Contains("status"));
        if (Etags.IsStale(request.Session.Etag, current.Etag))
        {
            throw errors.StaleEtag(request.Session.Name);
        }

        if (!SessionStatusRules.CanChange(current.Status, updated.Status))
        {
            throw errors.WrongStatus(ErrorReasons.SessionStatusChangeNotAllowed,
                $"{request.Session.Name} is {ProtoEnumNames.Of(current.Status)}; it cannot become {ProtoEnumNames.Of(updated.Status)}.",
                ProtoEnumNames.Of(current.Status));
        }

        var stored = updated.ToUpdatedStoredSession(current, clock.GetUtcNow());
        return await sessions.ReplaceAsync(current, stored) switch
        {
            ReplaceOutcome<StoredSession>.Replaced replaced => new UpdateSessionResponse { Session = (await sessions.WithSeatsAsync([replaced.Document]))[0].ToMessage() },
            ReplaceOutcome<StoredSession>.NotFound => throw errors.NotFound(CourseNames.Session.ResourceType, request.Session.Name),
            _ => throw errors.StaleEtag(request.Session.Name),
        };
    }

    private async Task<StoredSession> ExistingSessionAsync(string name, string field)
    {
        var parsed = CourseNames.Session.Parse(name, field, errors);
        return await sessions.GetAsync(parsed.CourseId, parsed.SessionId) ?? throw errors.NotFound(CourseNames.Session.ResourceType, name);
    }
}
