namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>An enrolment with its place in the waitlist (0 unless waitlisted) when it was read.</summary>
public sealed record EnrolmentWithPosition(StoredEnrolment Enrolment, int WaitlistPosition);
