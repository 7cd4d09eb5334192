using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Training.Domain.Courses;

/// <summary>The resource name patterns of the training service.</summary>
public static class CourseNames
{
    public static readonly ResourceName<CourseName> Course = new("Course", "courses/{course}", ids => new(ids[0]));

    public static readonly ResourceName<SessionName> Session = new("Session", "courses/{course}/sessions/{session}", ids => new(ids[0], ids[1]));

    public static readonly ResourceName<EnrolmentName> Enrolment = new("Enrolment", "courses/{course}/sessions/{session}/enrolments/{enrolment}",
        ids => new(ids[0], ids[1], ids[2]));

    public static readonly ResourceName<EvaluationName> Evaluation = new("Evaluation", "courses/{course}/sessions/{session}/evaluations/{evaluation}",
        ids => new(ids[0], ids[1], ids[2]));

    public static readonly ResourceName<SeatHoldName> SeatHold = new("SeatHold", "courses/{course}/sessions/{session}/seatHolds/{seat_hold}",
        ids => new(ids[0], ids[1], ids[2]));

    /// <summary>The assistance service's offers, which seat holds serve.</summary>
    public static readonly ResourceName<OfferName> Offer = new("Offer", "requests/{request}/offers/{offer}", ids => new(ids[0], ids[1]));

    /// <summary>The assistance service's requests, for which participants may be enrolled.</summary>
    public static readonly ResourceName<AssistanceRequestName> AssistanceRequest = new("AssistanceRequest", "requests/{request}", ids => new(ids[0]));

    /// <summary>The parent that lists enrolments of every session of every course (AIP-159).</summary>
    public const string EverySession = "courses/-/sessions/-";

    public const string EvaluationSummaryType = "EvaluationSummary";

    public const string EvaluationSummarySegment = "evaluationSummary";
}

/// <summary><c>courses/{course}</c></summary>
public sealed record CourseName(string CourseId);

/// <summary><c>courses/{course}/sessions/{session}</c></summary>
public sealed record SessionName(string CourseId, string SessionId);

/// <summary><c>courses/{course}/sessions/{session}/enrolments/{enrolment}</c></summary>
public sealed record EnrolmentName(string CourseId, string SessionId, string EnrolmentId);

/// <summary><c>courses/{course}/sessions/{session}/evaluations/{evaluation}</c></summary>
public sealed record EvaluationName(string CourseId, string SessionId, string EvaluationId);

/// <summary><c>courses/{course}/sessions/{session}/seatHolds/{seat_hold}</c></summary>
public sealed record SeatHoldName(string CourseId, string SessionId, string SeatHoldId);

/// <summary><c>requests/{request}/offers/{offer}</c>, of the assistance service.</summary>
public sealed record OfferName(string RequestId, string OfferId);

/// <summary><c>requests/{request}</c>, of the assistance service.</summary>
public sealed record AssistanceRequestName(string RequestId);
