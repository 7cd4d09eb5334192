using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Delivery;

/// <summary>
/// A step reported by the training service names an event and is one of an event's steps (not a
/// lifecycle or offer action); the event's dates, when sent, are full dates in order, and come
/// together (a delivered event's dates become the request's actual dates).
/// </summary>
public sealed class DeliveryEventStepRules : IRequestRules<RecordDeliveryEventRequest>
{
    public void AddViolations(RecordDeliveryEventRequest request, FieldViolations violations)
    {
        if (DeliveryEventNames.Event.TryParse(request.Event) is null)
        {
            violations.Add("event", $"must be a resource name of the form {DeliveryEventNames.Event.Pattern}.");
        }

        if (!DeliveryEventSteps.Steps.Contains(request.Action))
        {
            violations.Add("action", "must be ACTION_EVENT_PLAN, ACTION_EVENT_CONFIRM, ACTION_EVENT_DELIVER or ACTION_EVENT_CANCEL.");
        }

        var start = violations.Require("start_date", request.StartDate, required: request.EndDate is not null);
        var end = violations.Require("end_date", request.EndDate, required: request.StartDate is not null);
        if (start is { } first && end is { } last && last < first)
        {
            violations.Add("end_date", "must not be before start_date.");
        }
    }
}
