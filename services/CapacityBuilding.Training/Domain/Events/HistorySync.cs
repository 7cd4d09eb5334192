namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// How an event's steps stand on its request's history, as stored beside the event (not in it:
/// retries do not change the event or its etag). <see cref="RecordedSteps"/> counts the steps,
/// oldest first, assistance has recorded; the rest are about the last failed attempt, if any.
/// </summary>
public sealed record HistorySync(int RecordedSteps, int Attempts, bool Parked, string FailureReason, DateTimeOffset? FailureTime, DateTimeOffset? NextRetryTime)
{
    public static readonly HistorySync None = new(0, 0, false, "", null, null);
}
