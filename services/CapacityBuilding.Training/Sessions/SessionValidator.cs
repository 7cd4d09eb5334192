using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Validation;

namespace CapacityBuilding.Training.Sessions;

/// <summary>The rules a session must meet, some of them set by its course; every broken rule is reported.</summary>
public sealed class SessionValidator(ApiErrors errors)
{
    public const int LocationMaxLength = 200;

    public void ValidateCreate(CreateSessionRequest request, StoredCourse course)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.Session is not { } session)
        {
            violations.Add("session", "is required.");
        }
        else
        {
            AddScheduleViolations(violations, session);
            if (string.IsNullOrEmpty(session.Language))
            {
                violations.Add("session.language", "is required.");
            }
            else if (!course.Languages.Contains(session.Language, StringComparer.Ordinal))
            {
                violations.Add("session.language", $"must be one of the course's languages ({string.Join(", ", course.Languages)}).");
            }

            violations.RequireRange("session.seat_capacity", session.SeatCapacity, 1, course.MaxClassSize);
        }

        violations.ThrowIfAny(errors);
    }

    /// <summary>Checks the session as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, Session updated, bool statusChanges)
    {
        AddScheduleViolations(violations, updated);
        if (statusChanges)
        {
            violations.RequireEnum("session.status", updated.Status);
        }

        violations.ThrowIfAny(errors);
    }

    private static void AddScheduleViolations(FieldViolations violations, Session session)
    {
        violations.RequireTimestamp("session.start_time", session.StartTime);
        violations.RequireTimestamp("session.end_time", session.EndTime);
        if (session.StartTime is not null && session.EndTime is not null && session.EndTime <= session.StartTime)
        {
            violations.Add("session.end_time", "must be after start_time.");
        }

        violations.RequireText("session.location", session.Location, LocationMaxLength);
    }
}
