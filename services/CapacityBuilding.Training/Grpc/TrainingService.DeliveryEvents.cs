using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Events;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateDeliveryEventResponse> CreateDeliveryEvent(CreateDeliveryEventRequest request, ServerCallContext context)
    {
        deliveryEventValidator.EnsureValid(request, errors);
        var message = request.DeliveryEvent;
        var requestName = CourseNames.AssistanceRequest.Parse(message.AssistanceRequest, "delivery_event.assistance_request", errors);
        var served = await assistanceRequests.GetAsync(message.AssistanceRequest, context.CancellationToken);
        if (served.State is not (RequestState.Approved or RequestState.InDelivery))
        {
            throw errors.WrongState(ErrorReasons.RequestNotOpenToDelivery,
                $"{message.AssistanceRequest} is {ProtoEnumNames.Of(served.State)}; events serve approved requests or requests in delivery.",
                ProtoEnumNames.Of(served.State));
        }

        await EnsureExpertsExistAsync(message.Experts, "delivery_event.experts");
        var created = message.ToNewStoredEvent(requestName.RequestId, served.RequestingState, clock.GetUtcNow());
        // Only coordinators create events and they read every one: a replay needs no row-level check.
        var written = WrittenOrThrow(await deliveryEvents.CreateAsync(created, IdempotentCreate.Of(context.GetCaller(), request)), CourseNames.DeliveryEvent.Format(created.Id));
        return new CreateDeliveryEventResponse { DeliveryEvent = await RecordedMessageAsync(written, context) };
    }

    public override async Task<GetDeliveryEventResponse> GetDeliveryEvent(GetDeliveryEventRequest request, ServerCallContext context)
    {
        var stored = await VisibleEventAsync(request.Name, "name", context.GetCaller());
        return new GetDeliveryEventResponse { DeliveryEvent = stored.ToMessage(await deliveryEvents.HistorySyncAsync(stored.Id)) };
    }

    public override async Task<ListDeliveryEventsResponse> ListDeliveryEvents(ListDeliveryEventsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var index = EventKeys.Index;
        if (request.AssistanceRequest.Length > 0)
        {
            var requestId = CourseNames.AssistanceRequest.Parse(request.AssistanceRequest, "assistance_request", errors).RequestId;
            // Another country's request lists nothing for a member state, as one without events.
            if (!DeliveryEventAccess.IsCountryVisibleTo(caller, await deliveryEvents.RequestCountryAsync(requestId)))
            {
                return new ListDeliveryEventsResponse();
            }

            index = EventKeys.OfRequest(requestId);
        }
        else if (caller.Role == CallerRole.MemberState)
        {
            index = EventKeys.OfCountry(caller.Country!);
        }

        var scope = index.ToString();
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var (items, lastId) = await deliveryEvents.ListAsync(index, pageSize, pageTokens.Decode(request.PageToken, scope));
        var syncs = await deliveryEvents.HistorySyncAsync([.. items.Select(item => item.Id)]);
        return new ListDeliveryEventsResponse
        {
            DeliveryEvents = { items.Select((item, i) => item.ToMessage(syncs[i])) },
            NextPageToken = PageTokens.Encode(lastId, scope),
        };
    }

    public override async Task<UpdateDeliveryEventResponse> UpdateDeliveryEvent(UpdateDeliveryEventRequest request, ServerCallContext context)
    {
        if (request.DeliveryEvent is null)
        {
            throw errors.InvalidArgument("delivery_event", "is required.");
        }

        var name = request.DeliveryEvent.Name;
        var current = await ExistingEventAsync(name, "delivery_event.name");
        var violations = new FieldViolations();
        var mask = DeliveryEventMessages.UpdatableFields.Resolve(request.UpdateMask, request.DeliveryEvent, violations);
        var updated = DeliveryEventMessages.UpdatableFields.Merge(mask, current.ToMessage(HistorySync.None), request.DeliveryEvent);
        deliveryEventValidator.ValidateUpdated(violations, updated);
        if (Etags.IsStale(request.DeliveryEvent.Etag, current.Etag))
        {
            throw errors.StaleEtag(name);
        }

        if (!EventLifecycle.IsOpen(current.State) && (current.State != DeliveryEvent.Types.State.Delivered || mask.Paths.Any(path => path != DeliveryEventMessages.ParticipantsPath)))
        {
            throw errors.WrongState(ErrorReasons.EventClosed,
                $"{name} is {ProtoEnumNames.Of(current.State)}: a cancelled event does not change, a delivered one changes its participants only.",
                ProtoEnumNames.Of(current.State));
        }

        await EnsureExpertsExistAsync(updated.Experts, "delivery_event.experts");
        var written = WrittenOrThrow(await deliveryEvents.ReplaceAsync(current, updated.ToUpdatedStoredEvent(current, clock.GetUtcNow())), name);
        return new UpdateDeliveryEventResponse { DeliveryEvent = written.ToMessage(await deliveryEvents.HistorySyncAsync(written.Id)) };
    }

    public override async Task<ConfirmDeliveryEventResponse> ConfirmDeliveryEvent(ConfirmDeliveryEventRequest request, ServerCallContext context) =>
        new() { DeliveryEvent = await StepAsync(request.Name, request.Etag, EventLifecycle.Confirm, "", context) };

    public override async Task<CompleteDeliveryEventResponse> CompleteDeliveryEvent(CompleteDeliveryEventRequest request, ServerCallContext context) =>
        new() { DeliveryEvent = await StepAsync(request.Name, request.Etag, EventLifecycle.Complete, "", context) };

    public override async Task<CancelDeliveryEventResponse> CancelDeliveryEvent(CancelDeliveryEventRequest request, ServerCallContext context) =>
        new() { DeliveryEvent = await StepAsync(request.Name, request.Etag, EventLifecycle.Cancel, request.Reason.Trim(), context) };

    /// <summary>One step of an event's life: stored with the event, then recorded on the request's history.</summary>
    private async Task<DeliveryEvent> StepAsync(string name, string etag, EventLifecycle.Transition step, string reason, ServerCallContext context)
    {
        var current = await ExistingEventAsync(name, "name");
        if (Etags.IsStale(etag, current.Etag))
        {
            throw errors.StaleEtag(name);
        }

        if (!step.From.Contains(current.State))
        {
            throw errors.InvalidState($"{name} is {ProtoEnumNames.Of(current.State)}; it cannot be {step.Verb}.", ProtoEnumNames.Of(current.State), step.Verb);
        }

        var now = clock.GetUtcNow();
        if (step == EventLifecycle.Complete && current.Days.Start > CalendarDates.Today(clock))
        {
            throw errors.FailedPrecondition(ErrorReasons.EventNotStarted, $"{name} starts on {current.Days.Start:yyyy-MM-dd}; it is delivered once it has begun.");
        }

        var written = WrittenOrThrow(await deliveryEvents.ReplaceAsync(current, current.After(step, reason, now)), name);
        return await RecordedMessageAsync(written, context);
    }

    // The step is stored; recording it on the request's history is tried now, and retried in the background when it fails.
    private async Task<DeliveryEvent> RecordedMessageAsync(StoredDeliveryEvent written, ServerCallContext context)
    {
        await historyRecorder.RecordAsync(written.Id, context.CancellationToken);
        return written.ToMessage(await deliveryEvents.HistorySyncAsync(written.Id));
    }

    private StoredDeliveryEvent WrittenOrThrow(EventWriteOutcome outcome, string name) => outcome switch
    {
        EventWriteOutcome.Written written => written.Event,
        EventWriteOutcome.NotFound => throw errors.NotFound(CourseNames.DeliveryEvent.ResourceType, name),
        EventWriteOutcome.Stale => throw errors.StaleEtag(name),
        EventWriteOutcome.ExpertBooked booked => throw errors.FailedPrecondition(ErrorReasons.ExpertAlreadyBooked,
            $"{CourseNames.Expert.Format(booked.ExpertId)} is on {CourseNames.DeliveryEvent.Format(booked.OtherEventId)} on some of the same days.",
            new Dictionary<string, string>
            {
                ["expert"] = CourseNames.Expert.Format(booked.ExpertId),
                ["event"] = CourseNames.DeliveryEvent.Format(booked.OtherEventId),
            }),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };

    private async Task EnsureExpertsExistAsync(Google.Protobuf.Collections.RepeatedField<string> names, string field)
    {
        var ids = names.Select(name => CourseNames.Expert.Parse(name, field, errors).ExpertId).ToList();
        var found = await experts.GetManyAsync(ids);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] is null)
            {
                throw errors.NotFound(CourseNames.Expert.ResourceType, names[i]);
            }
        }
    }

    private async Task<StoredDeliveryEvent> ExistingEventAsync(string name, string field)
    {
        var id = CourseNames.DeliveryEvent.Parse(name, field, errors).EventId;
        return await deliveryEvents.GetAsync(id) ?? throw errors.NotFound(CourseNames.DeliveryEvent.ResourceType, name);
    }

    /// <summary>The event, or NOT_FOUND when it does not exist or the caller may not see it.</summary>
    private async Task<StoredDeliveryEvent> VisibleEventAsync(string name, string field, Caller caller)
    {
        var stored = await ExistingEventAsync(name, field);
        return DeliveryEventAccess.IsVisibleTo(caller, stored) ? stored : throw errors.NotFound(CourseNames.DeliveryEvent.ResourceType, name);
    }
}
