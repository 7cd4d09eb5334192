using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateDeliveryEventEvaluationResponse> CreateDeliveryEventEvaluation(CreateDeliveryEventEvaluationRequest request, ServerCallContext context)
    {
        var expertId = eventEvaluationValidator.Validate(request);
        var caller = context.GetCaller();
        var evaluated = await VisibleEventAsync(request.Parent, "parent", caller);
        if (expertId.Length > 0 && !evaluated.ExpertIds.Contains(expertId))
        {
            throw errors.InvalidArgument("evaluation.expert", $"must be one of the experts of {request.Parent}.");
        }

        var evaluation = request.Evaluation.ToNewStoredEventEvaluation(evaluated.Id, evaluated.RequestId, expertId, clock.GetUtcNow());
        return await evaluations.CreateForEventAsync(evaluation, IdempotentCreate.Of(caller, request)) switch
        {
            // The event was visible above and its country never changes: a replay is the caller's to read.
            EvaluationOutcome.Created created => new CreateDeliveryEventEvaluationResponse { Evaluation = created.Evaluation.ToMessage() },
            EvaluationOutcome.EventMissing => throw errors.NotFound(CourseNames.DeliveryEvent.ResourceType, request.Parent),
            EvaluationOutcome.EventNotDelivered notDelivered => throw errors.WrongState(ErrorReasons.EventNotDelivered,
                $"{request.Parent} is {ProtoEnumNames.OfStored<DeliveryEvent.Types.State>(notDelivered.State)}; evaluations open once it is STATE_DELIVERED.",
                ProtoEnumNames.OfStored<DeliveryEvent.Types.State>(notDelivered.State)),
            EvaluationOutcome.AlreadyEvaluated earlier => throw errors.AlreadyExists(ErrorReasons.ExpertAlreadyEvaluated,
                $"{request.Evaluation.Expert} has evaluated {request.Parent} already.",
                CourseNames.EventEvaluation.ResourceType, CourseNames.EventEvaluation.Format(evaluated.Id, earlier.EvaluationId)),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    public override async Task<ListDeliveryEventEvaluationsResponse> ListDeliveryEventEvaluations(ListDeliveryEventEvaluationsRequest request, ServerCallContext context)
    {
        var evaluated = await VisibleEventAsync(request.Parent, "parent", context.GetCaller());
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var (items, lastId) = await evaluations.ListForEventAsync(evaluated.Id, pageSize, pageTokens.Decode(request.PageToken, request.Parent));
        return new ListDeliveryEventEvaluationsResponse
        {
            Evaluations = { items.Select(evaluation => evaluation.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, request.Parent),
        };
    }

    public override async Task<RecordEvaluationFollowUpResponse> RecordEvaluationFollowUp(RecordEvaluationFollowUpRequest request, ServerCallContext context)
    {
        followUpValidator.EnsureValid(request, errors);
        var evaluation = await FollowedUpEvaluationAsync(request.Name, context.GetCaller());
        var followedUp = evaluation.WithFollowUp(request.FollowUp, clock.GetUtcNow());
        if (!await evaluations.RecordFollowUpAsync(followedUp))
        {
            throw errors.AlreadyExists(ErrorReasons.FollowUpRecorded,
                $"{request.Name} has its follow-up already, or rated levels 3 and 4 when it was given.");
        }

        return new RecordEvaluationFollowUpResponse { Evaluation = followedUp.ToMessage() };
    }

    public override async Task<GetDeliveryEvaluationSummaryResponse> GetDeliveryEvaluationSummary(GetDeliveryEvaluationSummaryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var suffix = "/" + CourseNames.EvaluationSummarySegment;
        var owner = request.Name.EndsWith(suffix, StringComparison.Ordinal) ? request.Name[..^suffix.Length] : string.Empty;
        if (CourseNames.DeliveryEvent.TryParse(owner) is not null)
        {
            var summarized = await VisibleEventAsync(owner, "name", caller);
            return new GetDeliveryEvaluationSummaryResponse { EvaluationSummary = (await evaluations.EventTotalsAsync(summarized.Id)).ToMessage(request.Name) };
        }

        if (CourseNames.AssistanceRequest.TryParse(owner) is { } requestName)
        {
            // A member state reads the summary of its own country's requests, known from their events.
            if (!DeliveryEventAccess.IsCountryVisibleTo(caller, await deliveryEvents.RequestCountryAsync(requestName.RequestId)))
            {
                throw errors.NotFound(CourseNames.EvaluationSummaryType, request.Name);
            }

            return new GetDeliveryEvaluationSummaryResponse { EvaluationSummary = (await evaluations.RequestTotalsAsync(requestName.RequestId)).ToMessage(request.Name) };
        }

        throw errors.InvalidArgument("name",
            $"must be events/{{event}}/{CourseNames.EvaluationSummarySegment} or requests/{{request}}/{CourseNames.EvaluationSummarySegment}.");
    }

    /// <summary>
    /// The evaluation a follow-up is for, when the caller may see it (a member state: its own
    /// nationals' enrolments, its own requests' events) and what it evaluated has ended: a session
    /// past its end time, an event past its last day.
    /// </summary>
    private async Task<StoredEvaluation> FollowedUpEvaluationAsync(string name, Caller caller)
    {
        var now = clock.GetUtcNow();
        if (CourseNames.EventEvaluation.TryParse(name) is { } ofEvent)
        {
            var evaluation = await evaluations.GetAsync(ofEvent.EvaluationId);
            var evaluated = evaluation?.EventId == ofEvent.EventId ? await deliveryEvents.GetAsync(ofEvent.EventId) : null;
            if (evaluation is null || evaluated is null || !DeliveryEventAccess.IsVisibleTo(caller, evaluated))
            {
                throw errors.NotFound(CourseNames.EventEvaluation.ResourceType, name);
            }

            return evaluated.Days.End < CalendarDates.Today(clock) ? evaluation : throw FollowUpTooEarly(name, $"its event's last day, {evaluated.Days.End:yyyy-MM-dd}");
        }

        var ofSession = CourseNames.Evaluation.Parse(name, "name", errors);
        var sessionEvaluation = await evaluations.GetAsync(ofSession.EvaluationId);
        if (sessionEvaluation is null || sessionEvaluation.SessionId != ofSession.SessionId || sessionEvaluation.CourseId != ofSession.CourseId
            || !await MayReadAsync(caller, sessionEvaluation))
        {
            throw errors.NotFound(CourseNames.Evaluation.ResourceType, name);
        }

        var session = await sessions.GetAsync(ofSession.CourseId, ofSession.SessionId);
        return session is not null && session.EndTime < now ? sessionEvaluation : throw FollowUpTooEarly(name, "its session's end");
    }

    private RpcException FollowUpTooEarly(string name, string end) =>
        errors.FailedPrecondition(ErrorReasons.FollowUpTooEarly, $"{name} is followed up (levels 3 and 4) only after {end} has passed.");
}
