using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

namespace CapacityBuilding.Training.Clients;

/// <summary>
/// Records an event's steps on its request's history in the assistance service, as the training
/// service (only services may). Assistance records a step of an event once, so sending it again
/// after a lost answer is safe.
/// </summary>
public sealed class RequestHistory(ServiceClientFactory<AssistanceClient> assistance)
{
    public async Task RecordAsync(string request, string deliveryEvent, HistoryEntry.Types.Action action, string reason, CancellationToken cancellationToken) =>
        await assistance.Create().RecordDeliveryEventAsync(
            new RecordDeliveryEventRequest { Name = request, Event = deliveryEvent, Action = action, Reason = reason },
            cancellationToken: cancellationToken);
}
