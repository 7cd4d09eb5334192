using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Events;
using CapacityBuilding.Training.Domain.Experts;
using CapacityBuilding.Training.Repositories.Scripts;
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
/// <item><c>events:unrecorded</c> and <c>events:{id}:recorded-steps</c>: which steps still have to
/// reach the request's history (<see cref="Domain.Events.EventHistoryRecorder"/>).</item>
/// <item><c>events:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisDeliveryEventRepository(RedisKeyspace keyspace)
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

    /// <summary>How many of the event's steps, oldest first, are on the request's history.</summary>
    public async Task<int> RecordedStepsAsync(string id) => (await RecordedStepsAsync([id]))[0];

    /// <summary>The same for several events, in one round trip.</summary>
    public async Task<IReadOnlyList<int>> RecordedStepsAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var values = await database.StringGetAsync([.. ids.Select(EventKeys.RecordedSteps)]);
        return [.. values.Select(value => value.IsNull ? 0 : (int)value)];
    }

    /// <summary>Notes that the first <paramref name="steps"/> steps are on the request's history.</summary>
    public async Task MarkRecordedAsync(string id, int steps)
    {
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EventStepRecorded,
            [EventKeys.Document(id), EventKeys.RecordedSteps(id), EventKeys.Unrecorded], [id, steps]);
        if (reply.Status is not ("RECORDED" or "NOT_FOUND"))
        {
            throw reply.Unexpected("event step recorded");
        }
    }

    /// <summary>Events with steps not yet recorded whose oldest such step was made before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> UnrecordedAsync(DateTimeOffset before, int count)
    {
        var ids = await database.SortedSetRangeByScoreAsync(EventKeys.Unrecorded, stop: before.ToUnixTimeMilliseconds(), take: count);
        return [.. ids.Select(id => (string)id!)];
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

        var newStep = updated.Steps.Count > (current?.Steps.Count ?? 0) ? updated.Steps[^1].Time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
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
