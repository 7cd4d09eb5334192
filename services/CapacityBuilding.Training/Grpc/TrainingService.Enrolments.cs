using System.Globalization;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateEnrolmentResponse> CreateEnrolment(CreateEnrolmentRequest request, ServerCallContext context)
    {
        var parent = CourseNames.Session.Parse(request.Parent, "parent", errors);
        enrolmentValidator.EnsureValid(request, errors);
        var caller = context.GetCaller();
        enrolmentAccess.EnsureMayEnrol(caller, request.Enrolment.Nationality);

        var enrolment = request.Enrolment.ToNewStoredEnrolment(parent.CourseId, parent.SessionId, clock.GetUtcNow());
        return await enrolments.EnrolAsync(enrolment, IdempotentCreate.Of(caller, request)) switch
        {
            EnrolOutcome.Enrolled enrolled => new CreateEnrolmentResponse
            {
                Enrolment = IdempotentCreate.Answer(enrolled.Enrolment, EnrolmentAccess.IsVisibleTo(caller, enrolled.Enrolment)).ToMessage(),
            },
            EnrolOutcome.SessionMissing => throw errors.NotFound(CourseNames.Session.ResourceType, request.Parent),
            EnrolOutcome.SessionNotOpen notOpen => throw errors.WrongStatus(ErrorReasons.SessionNotOpenForEnrolment,
                $"{request.Parent} is {ProtoEnumNames.OfStored<SessionStatus>(notOpen.Status)}; only a SESSION_STATUS_SCHEDULED session takes enrolments.",
                ProtoEnumNames.OfStored<SessionStatus>(notOpen.Status)),
            EnrolOutcome.AlreadyEnrolled duplicate => throw await AlreadyEnrolledAsync(context.GetCaller(), request.Parent, enrolment.Email, parent, duplicate.EnrolmentId),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>
    /// ALREADY_EXISTS naming the participant's enrolment, or, for a caller who may not see it
    /// (another country's national), without its name, so that the error reveals no enrolment id.
    /// </summary>
    private async Task<RpcException> AlreadyEnrolledAsync(Caller caller, string sessionName, string email, SessionName session, string existingId)
    {
        var message = $"{email} is already enrolled in {sessionName}.";
        return await enrolments.GetAsync(session.SessionId, existingId) is { } existing && EnrolmentAccess.IsVisibleTo(caller, existing)
            ? errors.AlreadyExists(ErrorReasons.ParticipantAlreadyEnrolled, message,
                CourseNames.Enrolment.ResourceType, CourseNames.Enrolment.Format(session.CourseId, session.SessionId, existingId))
            : errors.AlreadyExists(ErrorReasons.ParticipantAlreadyEnrolled, message);
    }

    public override async Task<GetEnrolmentResponse> GetEnrolment(GetEnrolmentRequest request, ServerCallContext context)
    {
        var name = CourseNames.Enrolment.Parse(request.Name, "name", errors);
        var enrolment = await enrolments.GetAsync(name.SessionId, name.EnrolmentId);
        if (enrolment is null || enrolment.Enrolment.CourseId != name.CourseId || !EnrolmentAccess.IsVisibleTo(context.GetCaller(), enrolment))
        {
            throw errors.NotFound(CourseNames.Enrolment.ResourceType, request.Name);
        }

        return new GetEnrolmentResponse { Enrolment = enrolment.ToMessage() };
    }

    public override async Task<ListEnrolmentsResponse> ListEnrolments(ListEnrolmentsRequest request, ServerCallContext context)
    {
        // A member state's listing reads the index of its own nationals, so its pages are full.
        var nationality = EnrolmentAccess.NationalityListedFor(context.GetCaller());
        var scope = nationality is null ? request.Parent : $"{request.Parent}?nationality={nationality}";
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        if (request.Parent == CourseNames.EverySession)
        {
            var (all, lastId) = await enrolments.ListAcrossSessionsAsync(nationality, pageSize, pageTokens.Decode(request.PageToken, scope));
            return new ListEnrolmentsResponse
            {
                Enrolments = { all.Select(enrolment => enrolment.ToMessage()) },
                NextPageToken = PageTokens.Encode(lastId, scope),
            };
        }

        var session = await ExistingSessionAsync(request.Parent, "parent");
        var (items, lastArrival) = await enrolments.ListAsync(session.Id, nationality, pageSize, DecodeArrival(request.PageToken, scope));
        return new ListEnrolmentsResponse
        {
            Enrolments = { items.Select(enrolment => enrolment.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastArrival?.ToString(CultureInfo.InvariantCulture), scope),
        };
    }

    /// <summary>Enrolment pages are keyed by arrival number, not id: the token holds the last arrival seen (0 before the first page).</summary>
    private long DecodeArrival(string pageToken, string scope) =>
        pageTokens.Decode(pageToken, scope) switch
        {
            null => 0,
            var token when long.TryParse(token, CultureInfo.InvariantCulture, out var arrival) => arrival,
            _ => throw errors.InvalidArgument(PageTokens.PageTokenField, "is not a token this service issued."),
        };

    public override async Task<CancelEnrolmentResponse> CancelEnrolment(CancelEnrolmentRequest request, ServerCallContext context)
    {
        var name = CourseNames.Enrolment.Parse(request.Name, "name", errors);
        if (await sessions.GetAsync(name.CourseId, name.SessionId) is null
            || await enrolments.GetAsync(name.SessionId, name.EnrolmentId) is not { } existing
            || !EnrolmentAccess.IsVisibleTo(context.GetCaller(), existing))
        {
            throw errors.NotFound(CourseNames.Enrolment.ResourceType, request.Name);
        }

        // The participant promoted to the freed seat is told only to a caller who may see it.
        return await enrolments.CancelAsync(name.SessionId, name.EnrolmentId, clock.GetUtcNow()) switch
        {
            CancelOutcome.Cancelled cancelled => new CancelEnrolmentResponse
            {
                Enrolment = cancelled.Enrolment.ToMessage(),
                PromotedEnrolment = cancelled.Promoted is { } promoted && EnrolmentAccess.IsVisibleTo(context.GetCaller(), promoted) ? promoted.ToMessage() : null,
            },
            CancelOutcome.NotFound => throw errors.NotFound(CourseNames.Enrolment.ResourceType, request.Name),
            CancelOutcome.AlreadyCancelled => throw errors.WrongState(ErrorReasons.EnrolmentAlreadyCancelled,
                $"{request.Name} is {ProtoEnumNames.Of(EnrolmentState.Cancelled)} already.",
                ProtoEnumNames.Of(EnrolmentState.Cancelled)),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }
}
