using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateEvaluationResponse> CreateEvaluation(CreateEvaluationRequest request, ServerCallContext context)
    {
        var parent = CourseNames.Session.Parse(request.Parent, "parent", errors);
        var (enrolmentId, expertId) = evaluationValidator.ValidateCreate(request, parent);
        var caller = context.GetCaller();
        if (!EvaluationRespondents.IsParticipant(request.Evaluation.Respondent))
        {
            return new CreateEvaluationResponse { Evaluation = await CreateExpertOrHostEvaluationAsync(request, parent, expertId, caller) };
        }

        // A member state evaluates for its own nationals only; another country's enrolment answers
        // as one that does not exist (the script's NO_ENROLMENT below), so that ids cannot be probed.
        var enrolled = await enrolments.GetAsync(parent.SessionId, enrolmentId);
        if (enrolled is not null && !EnrolmentAccess.IsVisibleTo(caller, enrolled))
        {
            throw errors.NotFound(CourseNames.Enrolment.ResourceType, request.Evaluation.Enrolment);
        }

        // An enrolment that names a request counts in that request's summary too.
        var requestId = enrolled is not null ? CourseNames.AssistanceRequest.TryParse(enrolled.Enrolment.AssistanceRequest)?.RequestId ?? "" : "";
        var evaluation = request.Evaluation.ToNewStoredEvaluation(parent.CourseId, parent.SessionId, enrolmentId, requestId, clock.GetUtcNow());
        var created = CreatedOrThrow(await evaluations.CreateAsync(evaluation, IdempotentCreate.Of(caller, request)), request, parent);
        return new CreateEvaluationResponse { Evaluation = IdempotentCreate.Answer(created, await MayReadAsync(caller, created)).ToMessage() };
    }

    /// <summary>
    /// An expert's or the host institution's answers about a completed session, through the same
    /// mechanism as an event's (<see cref="RedisEvaluationRepository.CreateForSessionAsync"/>). They
    /// count in the summaries of the requests the session served: those its confirmed enrolments name.
    /// </summary>
    private async Task<Evaluation> CreateExpertOrHostEvaluationAsync(CreateEvaluationRequest request, SessionName parent, string expertId, Caller caller)
    {
        if (!EvaluationAccess.MayRecordExpertOrHostOfSession(caller))
        {
            throw errors.PermissionDenied("A session's experts and host institution are recorded by coordinators; member states evaluate for their participants.");
        }

        if (expertId.Length > 0 && await experts.GetAsync(expertId) is null)
        {
            throw errors.NotFound(CourseNames.Expert.ResourceType, request.Evaluation.Expert);
        }

        var served = await enrolments.RequestsServedAsync(parent.SessionId);
        var evaluation = request.Evaluation.ToNewStoredSessionEvaluation(parent.CourseId, parent.SessionId, expertId, served, clock.GetUtcNow());
        return CreatedOrThrow(await evaluations.CreateForSessionAsync(evaluation, IdempotentCreate.Of(caller, request)), request, parent).ToMessage();
    }

    private StoredEvaluation CreatedOrThrow(EvaluationOutcome outcome, CreateEvaluationRequest request, SessionName parent) => outcome switch
    {
        EvaluationOutcome.Created created => created.Evaluation,
        EvaluationOutcome.SessionMissing => throw errors.NotFound(CourseNames.Session.ResourceType, request.Parent),
        EvaluationOutcome.SessionNotCompleted notCompleted => throw errors.WrongStatus(ErrorReasons.SessionNotCompleted,
            $"{request.Parent} is {ProtoEnumNames.OfStored<SessionStatus>(notCompleted.Status)}; evaluations open once it is SESSION_STATUS_COMPLETED.",
            ProtoEnumNames.OfStored<SessionStatus>(notCompleted.Status)),
        EvaluationOutcome.EnrolmentMissing => throw errors.NotFound(CourseNames.Enrolment.ResourceType, request.Evaluation.Enrolment),
        EvaluationOutcome.EnrolmentNotConfirmed notConfirmed => throw errors.WrongState(ErrorReasons.EnrolmentNotConfirmed,
            $"{request.Evaluation.Enrolment} is {ProtoEnumNames.OfStored<EnrolmentState>(notConfirmed.State)}; only participants with a confirmed seat evaluate.",
            ProtoEnumNames.OfStored<EnrolmentState>(notConfirmed.State)),
        EvaluationOutcome.AlreadyEvaluated earlier => throw errors.AlreadyExists(
            request.Evaluation.Respondent == Respondent.Expert ? ErrorReasons.ExpertAlreadyEvaluated : ErrorReasons.EnrolmentAlreadyEvaluated,
            $"{(request.Evaluation.Respondent == Respondent.Expert ? request.Evaluation.Expert : request.Evaluation.Enrolment)} has evaluated the session already.",
            CourseNames.Evaluation.ResourceType, CourseNames.Evaluation.Format(parent.CourseId, parent.SessionId, earlier.EvaluationId)),
        var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
    };

    // A member state reads an evaluation through its enrolment: only those of its own nationals.
    private async Task<bool> MayReadAsync(Caller caller, StoredEvaluation evaluation) =>
        caller.Role != CallerRole.MemberState
        || (await enrolments.GetAsync(evaluation.SessionId, evaluation.EnrolmentId) is { } enrolment && EnrolmentAccess.IsVisibleTo(caller, enrolment));

    public override async Task<ListEvaluationsResponse> ListEvaluations(ListEvaluationsRequest request, ServerCallContext context)
    {
        var session = await ExistingSessionAsync(request.Parent, "parent");
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, request.Parent);
        var (items, lastId) = await evaluations.ListAsync(session.Id, pageSize, afterId);
        return new ListEvaluationsResponse
        {
            Evaluations = { items.Select(evaluation => evaluation.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override async Task<GetEvaluationSummaryResponse> GetEvaluationSummary(GetEvaluationSummaryRequest request, ServerCallContext context)
    {
        var suffix = "/" + CourseNames.EvaluationSummarySegment;
        var owner = request.Name.EndsWith(suffix, StringComparison.Ordinal) ? request.Name[..^suffix.Length] : string.Empty;
        if (CourseNames.Session.TryParse(owner) is not null)
        {
            var session = await ExistingSessionAsync(owner, "name");
            var totals = await evaluations.SessionTotalsAsync(session.Id);
            return new GetEvaluationSummaryResponse { EvaluationSummary = totals.ToMessage(request.Name) };
        }

        if (CourseNames.Course.TryParse(owner) is not null)
        {
            var course = await ExistingCourseAsync(owner, "name");
            var totals = await evaluations.CourseTotalsAsync(course.Id);
            return new GetEvaluationSummaryResponse { EvaluationSummary = totals.ToMessage(request.Name) };
        }

        throw errors.InvalidArgument("name",
            $"must be courses/{{course}}/{CourseNames.EvaluationSummarySegment} or courses/{{course}}/sessions/{{session}}/{CourseNames.EvaluationSummarySegment}.");
    }
}
