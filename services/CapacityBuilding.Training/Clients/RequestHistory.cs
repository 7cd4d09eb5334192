using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Calendar;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

namespace CapacityBuilding.Training.Clients;

/// <summary>
/// Records an event's steps on its request's history in the assistance service, as the training
/// service (only services may). Assistance records a step of an event once, so sending it again
/// after a lost answer is safe. The event's days go with every step: a delivered event's days are
/// the request's actual dates.
/// </summary>
public sealed class RequestHistory(ServiceClientFactory<AssistanceClient> assistance)
{
    public async Task RecordAsync(string request, string deliveryEvent, DayRange days, HistoryEntry.Types.Action action, string reason,
        CancellationToken cancellationToken) =>
        await assistance.Create().RecordDeliveryEventAsync(
            new RecordDeliveryEventRequest
            {
                Name = request, Event = deliveryEvent, Action = action, Reason = reason,
                StartDate = CalendarDates.ToMessage(days.Start), EndDate = CalendarDates.ToMessage(days.End),
            },
            cancellationToken: cancellationToken);
}
