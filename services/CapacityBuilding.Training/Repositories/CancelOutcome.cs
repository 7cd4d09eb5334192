using CapacityBuilding.Training.Domain.Enrolments;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What a cancel call came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record CancelOutcome
{
    private CancelOutcome()
    {
    }

    /// <summary>Cancelled; <paramref name="Promoted"/> is the waitlisted enrolment that got the seat, if any.</summary>
    public sealed record Cancelled(StoredEnrolment Enrolment, StoredEnrolment? Promoted) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;

    public sealed record AlreadyCancelled : CancelOutcome;
}
