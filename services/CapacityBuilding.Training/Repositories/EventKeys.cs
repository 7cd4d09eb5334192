using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// The keys of delivery events and of the expert bookings they make (without the service prefix).
/// The event, expert and evaluation repositories use them in the same scripts, so they are named once.
/// </summary>
internal static class EventKeys
{
    /// <summary><c>events:index</c>: every event id, score 0 (creation order).</summary>
    public static readonly RedisKey Index = "events:index";

    /// <summary><c>events:unrecorded</c>: ids of the events with steps not yet on their request's history, scored by when they are next due to be sent (ms).</summary>
    public static readonly RedisKey Unrecorded = "events:unrecorded";

    /// <summary><c>events:parked</c>: ids of the events whose oldest unrecorded step assistance refused for good, scored by when (ms).</summary>
    public static readonly RedisKey Parked = "events:parked";

    /// <summary><c>events:{id}</c>: the event, JSON.</summary>
    public static RedisKey Document(string eventId) => $"events:{eventId}";

    /// <summary><c>events:{id}:history-failure</c>: hash of the last failed attempt at the event's oldest unrecorded step.</summary>
    public static RedisKey HistoryFailure(string eventId) => $"events:{eventId}:history-failure";

    /// <summary><c>events:{id}:recorded-steps</c>: how many of the event's steps, oldest first, are on the request's history.</summary>
    public static RedisKey RecordedSteps(string eventId) => $"events:{eventId}:recorded-steps";

    /// <summary><c>events:by-country:{country}</c>: the ids of the events of that country's requests, score 0.</summary>
    public static RedisKey OfCountry(string country) => $"events:by-country:{country}";

    /// <summary><c>requests:{id}:events</c>: the ids of the events serving that request, score 0.</summary>
    public static RedisKey OfRequest(string requestId) => $"requests:{requestId}:events";

    /// <summary><c>requests:{id}:country</c>: the requesting state of a request that has events, as read when the first was created.</summary>
    public static RedisKey RequestCountry(string requestId) => $"requests:{requestId}:country";

    /// <summary><c>events:{id}:evaluations</c>: the event's evaluation ids, score 0 (creation order).</summary>
    public static RedisKey Evaluations(string eventId) => $"events:{eventId}:evaluations";

    /// <summary><c>events:{id}:evaluated-experts</c>: hash from expert id to the evaluation the expert gave the event.</summary>
    public static RedisKey EvaluatedExperts(string eventId) => $"events:{eventId}:evaluated-experts";

    /// <summary><c>events:{id}:evaluation-summary</c>: hash of the event's evaluation counts and rating sums.</summary>
    public static RedisKey EvaluationSummary(string eventId) => $"events:{eventId}:evaluation-summary";

    /// <summary><c>requests:{id}:evaluation-summary</c>: the same over the request's events and the sessions its enrolments name.</summary>
    public static RedisKey RequestEvaluationSummary(string requestId) => $"requests:{requestId}:evaluation-summary";

    /// <summary><c>experts:{id}:bookings</c>: hash from event id to <c>{first day}|{last day}|{country}</c> of each event booking the expert.</summary>
    public static RedisKey Bookings(string expertId) => $"experts:{expertId}:bookings";
}
