using CapacityBuilding.Assistance.Domain.Requests;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Domain.Delivery;

/// <summary>
/// When the assistance was actually delivered: from the first day of the earliest delivered event
/// to the last day of the latest. Only a delivered event counts (a planned or cancelled one did
/// not happen), and taking the earliest and the latest makes recording the same event again
/// change nothing.
/// </summary>
public static class ActualDates
{
    public static StoredAssistanceRequest With(StoredAssistanceRequest request, Action action, (DateOnly Start, DateOnly End)? eventDays) =>
        action == Action.EventDeliver && eventDays is var (start, end)
            ? request with
            {
                ActualStartDate = request.ActualStartDate is { } earlier && earlier <= start ? earlier : start,
                ActualEndDate = request.ActualEndDate is { } later && later >= end ? later : end,
            }
            : request;
}
