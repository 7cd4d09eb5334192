using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Calendar;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// The rules of a delivery event that its proto's annotations cannot state: a request name, real
/// days in order and at most <see cref="MaxDays"/> of them, a location unless online (and none when
/// online), distinct well-formed experts, participants by role adding up to no more than by sex.
/// Checked on create and on the event as an update would leave it.
/// </summary>
public sealed class DeliveryEventValidator(AnnotatedFieldRules annotated, ApiErrors errors) : IRequestRules<CreateDeliveryEventRequest>
{
    public const int MaxDays = 61;

    public void AddViolations(CreateDeliveryEventRequest request, FieldViolations violations)
    {
        if (request.DeliveryEvent is not { } deliveryEvent)
        {
            violations.Add("delivery_event", "is required.");
            return;
        }

        if (CourseNames.AssistanceRequest.TryParse(deliveryEvent.AssistanceRequest) is null)
        {
            violations.Add("delivery_event.assistance_request", $"must be a resource name of the form {CourseNames.AssistanceRequest.Pattern}.");
        }

        AddViolations(violations, deliveryEvent);
    }

    /// <summary>Checks the event as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, DeliveryEvent updated)
    {
        violations.AddRange(annotated.Check(updated, "delivery_event"));
        AddViolations(violations, updated);
        violations.ThrowIfAny(errors);
    }

    /// <summary>The days of a valid event.</summary>
    public static DayRange DaysOf(DeliveryEvent deliveryEvent) =>
        new(CalendarDates.TryParse(deliveryEvent.StartDate)!.Value, CalendarDates.TryParse(deliveryEvent.EndDate)!.Value);

    /// <summary>The expert ids of a valid event.</summary>
    public static IReadOnlyList<string> ExpertIdsOf(DeliveryEvent deliveryEvent) =>
        [.. deliveryEvent.Experts.Select(expert => CourseNames.Expert.TryParse(expert)!.ExpertId)];

    private static void AddViolations(FieldViolations violations, DeliveryEvent deliveryEvent)
    {
        if (violations.RequireDayRange("delivery_event", deliveryEvent.StartDate, deliveryEvent.EndDate) is { } days
            && days.End.DayNumber - days.Start.DayNumber >= MaxDays)
        {
            violations.Add("delivery_event.end_date", $"must be at most {MaxDays - 1} days after start_date.");
        }

        if (deliveryEvent.Online && deliveryEvent.Location.Trim().Length > 0)
        {
            violations.Add("delivery_event.location", "must be empty for an online event.");
        }
        else if (!deliveryEvent.Online && deliveryEvent.Location.Trim().Length == 0)
        {
            violations.Add("delivery_event.location", "is required unless the event is online.");
        }

        for (var i = 0; i < deliveryEvent.Experts.Count; i++)
        {
            if (CourseNames.Expert.TryParse(deliveryEvent.Experts[i]) is null)
            {
                violations.Add($"delivery_event.experts[{i}]", $"must be a resource name of the form {CourseNames.Expert.Pattern}.");
            }
        }

        violations.RequireDistinct("delivery_event.experts", deliveryEvent.Experts, expert => expert);
        if (deliveryEvent.Participants is { } participants)
        {
            violations.RequireDistinct("delivery_event.participants.by_role", [.. participants.ByRole.Select(role => role.Role)], ProtoEnumNames.Of);
            var total = participants.Women + participants.Men + participants.OtherOrUndisclosed;
            if (participants.ByRole.Sum(role => role.Count) > total)
            {
                violations.Add("delivery_event.participants.by_role", $"counts add up to more than the {total} participants counted by sex.");
            }
        }
    }
}
