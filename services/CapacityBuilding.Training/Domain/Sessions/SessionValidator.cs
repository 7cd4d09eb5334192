using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Sessions;

/// <summary>
/// The rules of a session that its proto's annotations cannot state: times that exist and come in
/// order, and what its course allows (language, seats). Every broken rule is reported.
/// </summary>
public sealed class SessionValidator(AnnotatedFieldRules annotated, ApiErrors errors) : IRequestRules<CreateSessionRequest>
{
    public void ValidateCreate(CreateSessionRequest request, StoredCourse course)
    {
        var violations = new FieldViolations();
        AddViolations(request, violations);
        if (request.Session is { } session)
        {
            if (!course.Languages.Contains(session.Language, StringComparer.Ordinal))
            {
                violations.Add("session.language", $"must be one of the course's languages ({string.Join(", ", course.Languages)}).");
            }

            if (session.SeatCapacity > course.MaxClassSize)
            {
                violations.Add("session.seat_capacity", $"must be at most the course's max_class_size ({course.MaxClassSize}) (was {session.SeatCapacity}).");
            }
        }

        violations.ThrowIfAny(errors);
    }

    public void AddViolations(CreateSessionRequest request, FieldViolations violations)
    {
        if (request.Session is not { } session)
        {
            violations.Add("session", "is required.");
            return;
        }

        AddScheduleViolations(violations, session);
    }

    /// <summary>Checks the session as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, Session updated, bool statusChanges)
    {
        violations.AddRange(annotated.Check(updated, "session"));
        AddScheduleViolations(violations, updated);
        if (statusChanges)
        {
            violations.RequireEnum("session.status", updated.Status);
        }

        violations.ThrowIfAny(errors);
    }

    private static void AddScheduleViolations(FieldViolations violations, Session session)
    {
        var start = violations.OptionalTimestamp("session.start_time", session.StartTime);
        var end = violations.OptionalTimestamp("session.end_time", session.EndTime);
        if (start is { } first && end is { } last && last <= first)
        {
            violations.Add("session.end_time", "must be after start_time.");
        }
    }
}
