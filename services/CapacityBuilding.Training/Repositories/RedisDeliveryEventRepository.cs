using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Events;
using CapacityBuilding.Training.Domain.Experts;
using CapacityBuilding.Training.Repositories.Scripts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Delivery events in Redis. Keys (see <see cref="EventKeys"/>), under the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>events:{id}</c>: the event, JSON (<see cref="StoredDeliveryEvent"/>), with every step of its life.</item>
/// <item><c>events:index</c>, <c>events:by-country:{country}</c>, <c>requests:{id}:events</c>:
/// sorted sets of event ids, score 0 (creation order), for listing all, a member state's, a request's.</item>
/// <item><c>requests:{id}:country</c>: the requesting state of a request with events.</item>
/// <item><c>experts:{id}:bookings</c>: the events booking each expert, written in the same script
/// as the event (<c>event-write.lua</c>), which refuses overlapping days.</item>
/// <item><c>events:unrecorded</c> (score: when next due, ms) and <c>events:{id}:recorded-steps</c>: which steps still have to
/// reach the request's history (<see cref="Domain.Events.EventHistoryRecorder"/>).</item>
/// <item><c>events:{id}:history-failure</c>: hash of the last failed attempt (<c>attempts</c>, <c>reason</c>,
/// <c>time</c>, <c>parked</c>, <c>due</c>), gone once a step is recorded; <c>events:parked</c>: the events
/// assistance refused for good (score: when parked, ms).</item>
/// <item><c>events:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisDeliveryEventRepository(RedisKeyspace keyspace, IOptions<DeliveryHistoryOptions> historyOptions)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredDeliveryEvent> store = new(keyspace, TrainingJsonContext.Default.StoredDeliveryEvent);

    public Task<EventWriteOutcome> CreateAsync(StoredDeliveryEvent created, IdempotentCreate? create) =>
        WriteAsync(null, created, create);

    /// <summary>Replaces <paramref name="current"/> unless it changed since it was read, moving its bookings.</summary>
    public Task<EventWriteOutcome> ReplaceAsync(StoredDeliveryEvent current, StoredDeliveryEvent updated) =>
        WriteAsync(current, updated, create: null);

    public Task<StoredDeliveryEvent?> GetAsync(string id) => store.GetAsync(EventKeys.Document(id));

    public Task<IReadOnlyList<StoredDeliveryEvent?>> GetManyAsync(IReadOnlyList<string> ids) => store.GetManyAsync([.. ids.Select(EventKeys.Document)]);

    /// <summary>One page, newest first, of all events, or a country's, or a request's (the index given).</summary>
    public Task<(IReadOnlyList<StoredDeliveryEvent> Items, string? LastId)> ListAsync(RedisKey index, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(index, EventKeys.Document, pageSize, afterId);

    /// <summary>Every event of a request.</summary>
    public async Task<IReadOnlyList<StoredDeliveryEvent>> OfRequestAsync(string requestId)
    {
        var ids = await database.SortedSetRangeByRankAsync(EventKeys.OfRequest(requestId));
        return [.. (await GetManyAsync([.. ids.Select(id => (string)id!)])).OfType<StoredDeliveryEvent>()];
    }

    /// <summary>The requesting state of a request with events, or null when it has none.</summary>
    public async Task<string?> RequestCountryAsync(string requestId) => await database.StringGetAsync(EventKeys.RequestCountry(requestId));

    /// <summary>How the event's steps stand on the request's history.</summary>
    public async Task<HistorySync> HistorySyncAsync(string id) => (await HistorySyncAsync([id]))[0];

    /// <summary>The same for several events, their reads pipelined.</summary>
    public async Task<IReadOnlyList<HistorySync>> HistorySyncAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var recorded = database.StringGetAsync([.. ids.Select(EventKeys.RecordedSteps)]);
        var failures = ids.Select(id => database.HashGetAllAsync(EventKeys.HistoryFailure(id))).ToList();
        await Task.WhenAll([recorded, .. failures]);
        return [.. ids.Select((_, i) => SyncOf(recorded.Result[i], failures[i].Result))];
    }

    /// <summary>Notes that the first <paramref name="steps"/> steps are on the request's history, which ends any failure before them.</summary>
    public async Task MarkRecordedAsync(string id, int steps)
    {
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EventStepRecorded,
            [EventKeys.Document(id), EventKeys.RecordedSteps(id), EventKeys.Unrecorded, EventKeys.HistoryFailure(id), EventKeys.Parked], [id, steps]);
        if (reply.Status is not ("RECORDED" or "NOT_FOUND"))
        {
            throw reply.Unexpected("event step recorded");
        }
    }

    /// <summary>
    /// Notes that assistance did not record step <paramref name="step"/> (0-based): parks the event
    /// when the refusal is for good, else makes it due again after a delay that doubles with each
    /// failed attempt, from <see cref="DeliveryHistoryOptions.RetryInterval"/> up to
    /// <see cref="DeliveryHistoryOptions.MaxRetryInterval"/>.
    /// </summary>
    public async Task MarkFailedAsync(string id, int step, string reason, bool forGood, DateTimeOffset now)
    {
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EventStepFailed,
            [EventKeys.Document(id), EventKeys.RecordedSteps(id), EventKeys.HistoryFailure(id), EventKeys.Unrecorded, EventKeys.Parked],
            [id, step, reason, now.ToUnixTimeMilliseconds(), forGood ? "1" : "0",
                (long)historyOptions.Value.RetryInterval.TotalMilliseconds, (long)historyOptions.Value.MaxRetryInterval.TotalMilliseconds]);
        if (reply.Status is not ("PARKED" or "RETRYING" or "RECORDED" or "NOT_FOUND"))
        {
            throw reply.Unexpected("event step failed");
        }
    }

    /// <summary>Events with steps not yet recorded that are due to be sent again by <paramref name="dueBy"/>, longest due first.</summary>
    public async Task<IReadOnlyList<string>> UnrecordedAsync(DateTimeOffset dueBy, int count)
    {
        var ids = await database.SortedSetRangeByScoreAsync(EventKeys.Unrecorded, stop: dueBy.ToUnixTimeMilliseconds(), take: count);
        return [.. ids.Select(id => (string)id!)];
    }

    private static HistorySync SyncOf(RedisValue recorded, HashEntry[] failure)
    {
        var fields = failure.ToDictionary(entry => (string)entry.Name!, entry => entry.Value);
        DateTimeOffset? Time(string field) => fields.TryGetValue(field, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;
        return new HistorySync(
            recorded.IsNull ? 0 : (int)recorded,
            fields.TryGetValue("attempts", out var attempts) ? (int)attempts : 0,
            fields.TryGetValue("parked", out var parked) && parked == "1",
            fields.TryGetValue("reason", out var reason) ? (string)reason! : "",
            Time("time"),
            Time("due"));
    }

    private async Task<EventWriteOutcome> WriteAsync(StoredDeliveryEvent? current, StoredDeliveryEvent updated, IdempotentCreate? create)
    {
        var booking = new ExpertBooking(updated.Id, updated.Days, updated.Country);
        // A cancelled event books nobody; any other books its experts (again: their days may have moved).
        IReadOnlyList<string> join = updated.State == Contracts.Training.V1.DeliveryEvent.Types.State.Cancelled ? [] : updated.ExpertIds;
        var leave = (current?.ExpertIds ?? []).Except(join).ToList();
        List<RedisKey> keys =
        [
            EventKeys.Document(updated.Id), EventKeys.Index, EventKeys.OfCountry(updated.Country), EventKeys.OfRequest(updated.RequestId),
            EventKeys.Unrecorded, EventKeys.RequestCountry(updated.RequestId),
            .. leave.Select(EventKeys.Bookings), .. join.Select(EventKeys.Bookings),
        ];
        if (create is not null)
        {
            keys.Add(create.KeyIn("events"));
        }

        // A new step is sent at once by the call that made it; the worker's first try comes one interval later.
        var newStep = updated.Steps.Count > (current?.Steps.Count ?? 0)
            ? (updated.Steps[^1].Time + historyOptions.Value.RetryInterval).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "";
        var json = JsonSerializer.SerializeToUtf8Bytes(updated, TrainingJsonContext.Default.StoredDeliveryEvent);
        RedisValue[] arguments = [updated.Id, current?.Etag ?? "", json, booking.ToIndexValue(), leave.Count, join.Count, newStep, create?.Fingerprint ?? ""];
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EventWrite, [.. keys], arguments);
        return reply.Status switch
        {
            "WRITTEN" => new EventWriteOutcome.Written(updated),
            "EXISTING" => new EventWriteOutcome.Written(await GetAsync(reply.Text(0))
                ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing event.")),
            "NOT_FOUND" => new EventWriteOutcome.NotFound(),
            "STALE" => new EventWriteOutcome.Stale(),
            "BOOKED" => new EventWriteOutcome.ExpertBooked(join[(int)reply.Values[0] - 1], reply.Text(1)),
            _ => throw reply.Unexpected("event write"),
        };
    }
}
