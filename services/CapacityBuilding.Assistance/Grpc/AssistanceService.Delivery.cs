using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Delivery events' steps on the request's history (the training service reports them).</summary>
public sealed partial class AssistanceService
{
    public override async Task<RecordDeliveryEventResponse> RecordDeliveryEvent(RecordDeliveryEventRequest request, ServerCallContext context)
    {
        deliveryStepRules.EnsureValid(request, errors);
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors).RequestId;
        var eventDays = CalendarDates.TryParse(request.StartDate) is { } start && CalendarDates.TryParse(request.EndDate) is { } end ? (start, end) : ((DateOnly, DateOnly)?)null;
        var entry = await deliverySteps.RecordAsync(request.Name, id, request.Event, request.Action, eventDays, context.GetCaller(), request.Reason.Trim());
        return new RecordDeliveryEventResponse { HistoryEntry = ToMessage(request.Name, entry) };
    }
}
