using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// The keys of a session and of the seats, enrolments and evaluations hanging off it (without
/// the service prefix). Several repositories use them, in the same scripts, so they are named once.
/// </summary>
internal static class SessionKeys
{
    /// <summary><c>sessions:{id}</c>: the session, JSON.</summary>
    public static RedisKey Document(string sessionId) => $"sessions:{sessionId}";

    /// <summary><c>courses:{course}:sessions</c>: the course's session ids, score 0 (creation order).</summary>
    public static RedisKey OfCourse(string courseId) => $"courses:{courseId}:sessions";

    /// <summary><c>sessions:{id}:confirmed</c>: set of the confirmed enrolment ids; its size is never above the capacity.</summary>
    public static RedisKey Confirmed(string sessionId) => $"sessions:{sessionId}:confirmed";

    /// <summary><c>sessions:{id}:waitlist</c>: waitlisted enrolment ids scored by arrival, so rank + 1 is the position.</summary>
    public static RedisKey Waitlist(string sessionId) => $"sessions:{sessionId}:waitlist";

    /// <summary><c>sessions:{id}:participants</c>: hash from participant key (lower-case e-mail) to the enrolment holding it.</summary>
    public static RedisKey Participants(string sessionId) => $"sessions:{sessionId}:participants";

    /// <summary><c>sessions:{id}:arrivals</c>: counter of enrolments received, the source of each one's arrival number.</summary>
    public static RedisKey Arrivals(string sessionId) => $"sessions:{sessionId}:arrivals";

    /// <summary><c>sessions:{id}:enrolments</c>: all enrolment ids scored by arrival, for listing.</summary>
    public static RedisKey Enrolments(string sessionId) => $"sessions:{sessionId}:enrolments";

    /// <summary><c>sessions:{id}:held-seats</c>: counter of the unused seats of the session's HELD and CONFIRMED holds.</summary>
    public static RedisKey HeldSeats(string sessionId) => $"sessions:{sessionId}:held-seats";

    /// <summary><c>sessions:{id}:open-holds</c>: the CONFIRMED holds with unused seats, members <c>{country}:{hold id}</c>, score 0.</summary>
    public static RedisKey OpenHolds(string sessionId) => $"sessions:{sessionId}:open-holds";

    /// <summary><c>sessions:{id}:seat-holds</c>: the session's hold ids, score 0 (ids sort by creation).</summary>
    public static RedisKey SeatHolds(string sessionId) => $"sessions:{sessionId}:seat-holds";

    /// <summary><c>sessions:{id}:seat-holds:{country}</c>: the hold ids of one country, score 0, so that a member state's page is read whole.</summary>
    public static RedisKey SeatHoldsOf(string sessionId, string country) => $"sessions:{sessionId}:seat-holds:{country}";

    /// <summary><c>sessions:{id}:enrolments:{nationality}</c>: the enrolment ids of one country's nationals scored by arrival, so that a member state's page is read whole.</summary>
    public static RedisKey EnrolmentsOf(string sessionId, string nationality) => $"sessions:{sessionId}:enrolments:{nationality}";

    /// <summary><c>sessions:{id}:evaluations</c>: evaluation ids, score 0 (creation order).</summary>
    public static RedisKey Evaluations(string sessionId) => $"sessions:{sessionId}:evaluations";

    /// <summary><c>sessions:{id}:evaluated</c>: hash from enrolment id to the evaluation it gave.</summary>
    public static RedisKey Evaluated(string sessionId) => $"sessions:{sessionId}:evaluated";

    /// <summary><c>sessions:{id}:evaluated-experts</c>: hash from expert id to the evaluation the expert gave the session.</summary>
    public static RedisKey EvaluatedExperts(string sessionId) => $"sessions:{sessionId}:evaluated-experts";

    /// <summary><c>sessions:{id}:evaluation-summary</c>: hash of evaluation counts and rating sums.</summary>
    public static RedisKey EvaluationSummary(string sessionId) => $"sessions:{sessionId}:evaluation-summary";

    /// <summary><c>courses:{course}:evaluation-summary</c>: the same over all sessions of a course.</summary>
    public static RedisKey CourseEvaluationSummary(string courseId) => $"courses:{courseId}:evaluation-summary";
}
