using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.SeatHolds;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Seat holds in Redis. Keys (see <see cref="SessionKeys"/>), under the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>seat-holds:{id}</c>: the hold, JSON (<see cref="StoredSeatHold"/>); ids are unique
/// across sessions, the session id is inside.</item>
/// <item><c>sessions:{id}:seat-holds</c> and <c>sessions:{id}:seat-holds:{country}</c>: the
/// session's hold ids, all and one country's, score 0, for listing newest first.</item>
/// <item><c>sessions:{id}:held-seats</c>: counter of the unused seats of HELD and CONFIRMED holds.</item>
/// <item><c>sessions:{id}:open-holds</c>: CONFIRMED holds with unused seats, <c>{country}:{hold id}</c>.</item>
/// <item><c>seat-holds:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// Seats change only in the scripts that start with <c>Scripts/seats.lua</c>.
/// </summary>
public sealed class RedisSeatHoldRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;
    /// <summary>A hold's key without its id (and without the service prefix).</summary>
    internal const string DocumentKeyPrefix = "seat-holds:";

    private readonly string holdKeyPrefix = keyspace.Prefix + DocumentKeyPrefix;
    private readonly string enrolmentKeyPrefix = keyspace.Prefix + "enrolments:";
    private readonly RedisJsonStore<StoredSeatHold> store = new(keyspace, TrainingJsonContext.Default.StoredSeatHold);

    /// <summary>Holds the seats if they are free; see <see cref="TrainingScripts.SeatHoldCreate"/>.</summary>
    public async Task<SeatHoldCreateOutcome> CreateAsync(StoredSeatHold hold, IdempotentCreate? create)
    {
        var sessionId = hold.SessionId;
        List<RedisKey> keys =
        [
            SessionKeys.Document(sessionId), SessionKeys.Confirmed(sessionId), SessionKeys.HeldSeats(sessionId),
            KeyOf(hold.Id), SessionKeys.SeatHolds(sessionId), SessionKeys.SeatHoldsOf(sessionId, hold.Country),
        ];
        if (create is not null)
        {
            keys.Add(create.KeyIn("seat-holds"));
        }

        var json = JsonSerializer.Serialize(hold, TrainingJsonContext.Default.StoredSeatHold);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.SeatHoldCreate, [.. keys], [hold.Id, json, hold.CourseId, create?.Fingerprint ?? ""]);
        return reply.Status switch
        {
            "CREATED" => new SeatHoldCreateOutcome.Created(hold),
            "EXISTING" => new SeatHoldCreateOutcome.Created(await GetAsync(sessionId, reply.Text(0))
                ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing seat hold.")),
            "NO_SESSION" => new SeatHoldCreateOutcome.SessionMissing(),
            "SESSION_STATUS" => new SeatHoldCreateOutcome.SessionNotOpen(reply.Text(0)),
            "UNAVAILABLE" => new SeatHoldCreateOutcome.SeatsUnavailable((int)reply.Values[0]),
            "ID_TAKEN" => new SeatHoldCreateOutcome.IdTaken(),
            _ => throw reply.Unexpected("seat hold create"),
        };
    }

    /// <summary>HELD to CONFIRMED, seating the country's waitlisted nationals; see <see cref="TrainingScripts.SeatHoldConfirm"/>.</summary>
    public Task<SeatHoldChangeOutcome> ConfirmAsync(string sessionId, string id, DateTimeOffset now) =>
        ChangeAsync(TrainingScripts.SeatHoldConfirm, "seat hold confirm", sessionId, id, now);

    /// <summary>To RELEASED, giving unused seats back; see <see cref="TrainingScripts.SeatHoldRelease"/>.</summary>
    public Task<SeatHoldChangeOutcome> ReleaseAsync(string sessionId, string id, DateTimeOffset now) =>
        ChangeAsync(TrainingScripts.SeatHoldRelease, "seat hold release", sessionId, id, now);

    /// <summary>The hold of that session, or null.</summary>
    public async Task<StoredSeatHold?> GetAsync(string sessionId, string id)
    {
        var hold = await store.GetAsync(KeyOf(id));
        return hold?.SessionId == sessionId ? hold : null;
    }

    /// <summary>One page of the session's holds (one country's, when given), newest first.</summary>
    public Task<(IReadOnlyList<StoredSeatHold> Items, string? LastId)> ListAsync(string sessionId, string? country, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(
            country is null ? SessionKeys.SeatHolds(sessionId) : SessionKeys.SeatHoldsOf(sessionId, country), KeyOf, pageSize, afterId);

    private async Task<SeatHoldChangeOutcome> ChangeAsync(string script, string scriptName, string sessionId, string id, DateTimeOffset now)
    {
        RedisKey[] keys =
        [
            KeyOf(id), SessionKeys.Document(sessionId), SessionKeys.Confirmed(sessionId), SessionKeys.Waitlist(sessionId),
            SessionKeys.HeldSeats(sessionId), SessionKeys.OpenHolds(sessionId),
        ];
        var reply = await ScriptReply.RunScriptAsync(
            database, script, keys, [sessionId, RedisEnrolmentRepository.TimeJson(now), Etags.New(), holdKeyPrefix, enrolmentKeyPrefix]);
        return reply.Status switch
        {
            "CHANGED" or "UNCHANGED" => new SeatHoldChangeOutcome.Changed(Deserialize(reply.Text(0))),
            "RELEASED" => new SeatHoldChangeOutcome.Released(Deserialize(reply.Text(0))),
            "NOT_FOUND" => new SeatHoldChangeOutcome.NotFound(),
            _ => throw reply.Unexpected(scriptName),
        };
    }

    private static StoredSeatHold Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TrainingJsonContext.Default.StoredSeatHold)
            ?? throw new InvalidOperationException("A script returned an empty seat hold.");

    private static RedisKey KeyOf(string id) => DocumentKeyPrefix + id;
}
