using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Enrolments and the seats of a session in Redis. Keys (see <see cref="SessionKeys"/>), under
/// the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>enrolments:{id}</c>: the enrolment, JSON (<see cref="StoredEnrolment"/>); ids are
/// unique across sessions, the session id is inside.</item>
/// <item><c>sessions:{id}:confirmed</c>: set of confirmed enrolment ids.</item>
/// <item><c>sessions:{id}:waitlist</c>: sorted set of waitlisted enrolment ids, scored by arrival.</item>
/// <item><c>sessions:{id}:participants</c>: hash participant key (lower-case e-mail) to enrolment id,
/// for every enrolment that is not cancelled.</item>
/// <item><c>sessions:{id}:arrivals</c>: counter giving each enrolment its arrival number.</item>
/// <item><c>sessions:{id}:enrolments</c>: sorted set of all enrolment ids, scored by arrival.</item>
/// <item><c>sessions:{id}:enrolments:{nationality}</c>: the same for one country's nationals.</item>
/// <item><c>enrolments:all</c> and <c>enrolments:nationals:{nationality}</c>: every enrolment id,
/// and one country's nationals', score 0 (ids sort by creation), for listing across sessions.</item>
/// <item><c>enrolments:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// Seats change only in the scripts that start with <c>Scripts/seats.lua</c>: the enrolment
/// scripts here and the seat hold scripts (<see cref="RedisSeatHoldRepository"/>).
/// </summary>
public sealed class RedisEnrolmentRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly string documentKeyPrefix = keyspace.Prefix + "enrolments:";
    private readonly string holdKeyPrefix = keyspace.Prefix + RedisSeatHoldRepository.DocumentKeyPrefix;
    private readonly RedisJsonStore<StoredEnrolment> store = new(keyspace, TrainingJsonContext.Default.StoredEnrolment);

    /// <summary>The ids of the requests the session's confirmed enrolments name, each once.</summary>
    public async Task<IReadOnlyList<string>> RequestsServedAsync(string sessionId)
    {
        var confirmed = await database.SetMembersAsync(SessionKeys.Confirmed(sessionId));
        var enrolments = await store.GetManyAsync([.. confirmed.Select(id => KeyOf(id!))]);
        return [.. enrolments.Select(enrolment => enrolment is null ? null : CourseNames.AssistanceRequest.TryParse(enrolment.AssistanceRequest)?.RequestId).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Confirms or waitlists the enrolment; see <see cref="TrainingScripts.EnrolmentEnrol"/>.</summary>
    public async Task<EnrolOutcome> EnrolAsync(StoredEnrolment enrolment, IdempotentCreate? create)
    {
        var sessionId = enrolment.SessionId;
        List<RedisKey> keys =
        [
            SessionKeys.Document(sessionId), SessionKeys.Confirmed(sessionId), SessionKeys.Waitlist(sessionId),
            SessionKeys.Participants(sessionId), SessionKeys.Arrivals(sessionId), SessionKeys.Enrolments(sessionId),
            KeyOf(enrolment.Id), SessionKeys.HeldSeats(sessionId), SessionKeys.OpenHolds(sessionId),
            SessionKeys.EnrolmentsOf(sessionId, enrolment.Nationality), AllKey, NationalsKeyOf(enrolment.Nationality),
        ];
        if (create is not null)
        {
            keys.Add(create.KeyIn("enrolments"));
        }

        var json = JsonSerializer.Serialize(enrolment, TrainingJsonContext.Default.StoredEnrolment);
        var reply = await ScriptReply.RunScriptAsync(
            database, TrainingScripts.EnrolmentEnrol, [.. keys],
            [enrolment.Id, json, enrolment.ParticipantKey, enrolment.CourseId, holdKeyPrefix, TimeJson(enrolment.CreateTime), Etags.New(), create?.Fingerprint ?? ""]);
        return reply.Status switch
        {
            "CREATED" => new EnrolOutcome.Enrolled(new EnrolmentWithPosition(Deserialize(reply.Text(0)), (int)reply.Values[1])),
            "EXISTING" => new EnrolOutcome.Enrolled(await GetAsync(sessionId, reply.Text(0))
                ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing enrolment.")),
            "NO_SESSION" => new EnrolOutcome.SessionMissing(),
            "SESSION_STATUS" => new EnrolOutcome.SessionNotOpen(reply.Text(0)),
            "DUPLICATE" => new EnrolOutcome.AlreadyEnrolled(reply.Text(0)),
            _ => throw reply.Unexpected("enrol"),
        };
    }

    /// <summary>Cancels the enrolment and promotes the first waitlisted; see <see cref="TrainingScripts.EnrolmentCancel"/>.</summary>
    public async Task<CancelOutcome> CancelAsync(string sessionId, string id, DateTimeOffset now)
    {
        RedisKey[] keys =
        [
            KeyOf(id), SessionKeys.Document(sessionId), SessionKeys.Confirmed(sessionId),
            SessionKeys.Waitlist(sessionId), SessionKeys.Participants(sessionId), SessionKeys.HeldSeats(sessionId), SessionKeys.OpenHolds(sessionId),
        ];
        var reply = await ScriptReply.RunScriptAsync(
            database, TrainingScripts.EnrolmentCancel, keys, [sessionId, TimeJson(now), documentKeyPrefix, holdKeyPrefix, Etags.New()]);
        return reply.Status switch
        {
            "CANCELLED" => new CancelOutcome.Cancelled(
                Deserialize(reply.Text(0)),
                reply.Text(1) is { Length: > 0 } promoted ? Deserialize(promoted) : null),
            "NOT_FOUND" => new CancelOutcome.NotFound(),
            "ALREADY_CANCELLED" => new CancelOutcome.AlreadyCancelled(),
            _ => throw reply.Unexpected("cancel"),
        };
    }

    /// <summary>The enrolment of that session with its current waitlist position, or null.</summary>
    public async Task<EnrolmentWithPosition?> GetAsync(string sessionId, string id)
    {
        var enrolment = await store.GetAsync(KeyOf(id));
        if (enrolment?.SessionId != sessionId)
        {
            return null;
        }

        return (await WithPositionsAsync([enrolment]))[0];
    }

    /// <summary>
    /// One page of the session's enrolments (of one country's nationals, when given) in arrival
    /// order, after arrival <paramref name="afterArrival"/>.
    /// </summary>
    public async Task<(IReadOnlyList<EnrolmentWithPosition> Items, long? LastArrival)> ListAsync(string sessionId, string? nationality, int pageSize, long afterArrival)
    {
        var index = nationality is null ? SessionKeys.Enrolments(sessionId) : SessionKeys.EnrolmentsOf(sessionId, nationality);
        var ids = await database.SortedSetRangeByScoreAsync(index, afterArrival, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, pageSize + 1);
        var pageIds = ids.Take(pageSize).Select(id => KeyOf((string)id!)).ToArray();
        var enrolments = (await store.GetManyAsync(pageIds)).OfType<StoredEnrolment>().ToList();
        var items = await WithPositionsAsync(enrolments);
        return (items, ids.Length > pageSize ? items[^1].Enrolment.Arrival : null);
    }

    /// <summary>One page of the enrolments of every session (of one country's nationals, when given), newest first, after id <paramref name="afterId"/>.</summary>
    public async Task<(IReadOnlyList<EnrolmentWithPosition> Items, string? LastId)> ListAcrossSessionsAsync(string? nationality, int pageSize, string? afterId)
    {
        var (enrolments, lastId) = await store.ListNewestFirstAsync(nationality is null ? AllKey : NationalsKeyOf(nationality), KeyOf, pageSize, afterId);
        return (await WithPositionsAsync(enrolments), lastId);
    }

    /// <summary>
    /// Puts the session's enrolments into the nationality and cross-session indexes (for
    /// enrolments made before those existed); adding is idempotent. Returns how many it indexed.
    /// </summary>
    public async Task<int> IndexAsync(string sessionId)
    {
        var ids = await database.SortedSetRangeByRankAsync(SessionKeys.Enrolments(sessionId));
        var enrolments = (await store.GetManyAsync([.. ids.Select(id => KeyOf((string)id!))])).OfType<StoredEnrolment>().ToList();
        var batch = database.CreateBatch();
        var writes = enrolments.SelectMany(enrolment => new Task[]
        {
            batch.SortedSetAddAsync(SessionKeys.EnrolmentsOf(sessionId, enrolment.Nationality), enrolment.Id, enrolment.Arrival),
            batch.SortedSetAddAsync(AllKey, enrolment.Id, 0),
            batch.SortedSetAddAsync(NationalsKeyOf(enrolment.Nationality), enrolment.Id, 0),
        }).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
        return enrolments.Count;
    }

    private async Task<IReadOnlyList<EnrolmentWithPosition>> WithPositionsAsync(IReadOnlyList<StoredEnrolment> enrolments)
    {
        var batch = database.CreateBatch();
        var ranks = enrolments
            .Select(e => e.State == EnrolmentState.Waitlisted ? batch.SortedSetRankAsync(SessionKeys.Waitlist(e.SessionId), e.Id) : Task.FromResult<long?>(null))
            .ToList();
        batch.Execute();
        await Task.WhenAll(ranks);
        return [.. enrolments.Select((e, i) => new EnrolmentWithPosition(e, ranks[i].Result is { } rank ? (int)rank + 1 : 0))];
    }

    private static StoredEnrolment Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TrainingJsonContext.Default.StoredEnrolment)
            ?? throw new InvalidOperationException("A script returned an empty enrolment.");

    /// <summary>A time as the stored documents' JSON writes it, for a script to store.</summary>
    internal static string TimeJson(DateTimeOffset time) => JsonSerializer.Serialize(time, TrainingJsonContext.Default.DateTimeOffset).Trim('"');

    private static readonly RedisKey AllKey = "enrolments:all";

    private static RedisKey NationalsKeyOf(string nationality) => $"enrolments:nationals:{nationality}";

    private static RedisKey KeyOf(string id) => $"enrolments:{id}";
}
