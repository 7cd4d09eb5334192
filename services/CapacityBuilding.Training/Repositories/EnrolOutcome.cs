using CapacityBuilding.Training.Domain.Enrolments;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What an enrol call came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record EnrolOutcome
{
    private EnrolOutcome()
    {
    }

    /// <summary>Confirmed or waitlisted, now or by an earlier call with the same request id.</summary>
    public sealed record Enrolled(EnrolmentWithPosition Enrolment) : EnrolOutcome;

    public sealed record SessionMissing : EnrolOutcome;

    /// <summary>The session does not take enrolments; <paramref name="Status"/> is its stored status.</summary>
    public sealed record SessionNotOpen(string Status) : EnrolOutcome;

    /// <summary>The participant already holds enrolment <paramref name="EnrolmentId"/> in the session.</summary>
    public sealed record AlreadyEnrolled(string EnrolmentId) : EnrolOutcome;
}
