using CapacityBuilding.Training.Domain.Sessions;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What creating a session came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record SessionCreateOutcome
{
    private SessionCreateOutcome()
    {
    }

    /// <summary>Created now, or earlier by a call with the same request id.</summary>
    public sealed record Created(StoredSession Session) : SessionCreateOutcome;

    public sealed record CourseMissing : SessionCreateOutcome;

    /// <summary>The course does not take new sessions; <paramref name="Status"/> is its stored status.</summary>
    public sealed record CourseNotOpen(string Status) : SessionCreateOutcome;

    public sealed record TooManySeats(int MaxClassSize) : SessionCreateOutcome;
}
