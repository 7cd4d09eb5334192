using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Sessions;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Sessions in Redis. Keys (see <see cref="SessionKeys"/>), under the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>sessions:{id}</c>: the session, JSON (<see cref="StoredSession"/>); the course id is inside.</item>
/// <item><c>courses:{course}:sessions</c>: sorted set of the course's session ids, score 0.</item>
/// <item><c>sessions:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// Seat counts are read from the enrolment keys <c>sessions:{id}:confirmed</c> and
/// <c>sessions:{id}:waitlist</c> (<see cref="RedisEnrolmentRepository"/>) and the seat hold key
/// <c>sessions:{id}:held-seats</c> (<see cref="RedisSeatHoldRepository"/>).
/// </summary>
public sealed class RedisSessionRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredSession> store = new(keyspace, TrainingJsonContext.Default.StoredSession);

    /// <summary>Creates the session if its course allows it; see <see cref="TrainingScripts.SessionCreate"/>.</summary>
    public async Task<SessionCreateOutcome> CreateAsync(StoredSession session, IdempotentCreate? create)
    {
        List<RedisKey> keys = [CourseKey(session.CourseId), SessionKeys.Document(session.Id), SessionKeys.OfCourse(session.CourseId)];
        if (create is not null)
        {
            keys.Add(create.KeyIn("sessions"));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(session, TrainingJsonContext.Default.StoredSession);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.SessionCreate, [.. keys], [session.Id, json, session.SeatCapacity, create?.Fingerprint ?? ""]);
        return reply.Status switch
        {
            "CREATED" => new SessionCreateOutcome.Created(session),
            "EXISTING" => new SessionCreateOutcome.Created(await GetAsync(reply.Text(0))
                ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing session.")),
            "NO_COURSE" => new SessionCreateOutcome.CourseMissing(),
            "COURSE_STATUS" => new SessionCreateOutcome.CourseNotOpen(reply.Text(0)),
            "TOO_MANY_SEATS" => new SessionCreateOutcome.TooManySeats((int)reply.Values[0]),
            _ => throw reply.Unexpected("session create"),
        };
    }

    public Task<StoredSession?> GetAsync(string id) => store.GetAsync(SessionKeys.Document(id));

    /// <summary>The session of that course, or null when it does not exist or belongs to another course.</summary>
    public async Task<StoredSession?> GetAsync(string courseId, string id)
    {
        var session = await GetAsync(id);
        return session?.CourseId == courseId ? session : null;
    }

    public Task<(IReadOnlyList<StoredSession> Items, string? LastId)> ListAsync(string courseId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(SessionKeys.OfCourse(courseId), SessionKeys.Document, pageSize, afterId);

    /// <summary>Every session of each course, in one batch of round trips.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredSession>>> ListAllAsync(IReadOnlyList<string> courseIds)
    {
        var batch = database.CreateBatch();
        var idLists = courseIds.Select(courseId => batch.SortedSetRangeByRankAsync(SessionKeys.OfCourse(courseId))).ToList();
        batch.Execute();
        await Task.WhenAll(idLists);
        var ids = idLists.SelectMany(list => list.Result).Select(id => (string)id!).ToList();
        var sessions = (await store.GetManyAsync([.. ids.Select(SessionKeys.Document)])).OfType<StoredSession>();
        var byCourse = sessions.ToLookup(session => session.CourseId);
        return courseIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<StoredSession>)[.. byCourse[id]]);
    }

    /// <summary>The sessions with their current seat counts.</summary>
    public async Task<IReadOnlyList<SessionWithSeats>> WithSeatsAsync(IReadOnlyList<StoredSession> sessions)
    {
        var batch = database.CreateBatch();
        var confirmed = sessions.Select(session => batch.SetLengthAsync(SessionKeys.Confirmed(session.Id))).ToList();
        var waitlisted = sessions.Select(session => batch.SortedSetLengthAsync(SessionKeys.Waitlist(session.Id))).ToList();
        var held = sessions.Select(session => batch.StringGetAsync(SessionKeys.HeldSeats(session.Id))).ToList();
        batch.Execute();
        await Task.WhenAll(confirmed.Concat(waitlisted));
        await Task.WhenAll(held);
        return [.. sessions.Select((session, i) => new SessionWithSeats(session, (int)confirmed[i].Result, (int)waitlisted[i].Result, (int?)held[i].Result ?? 0))];
    }

    /// <summary>Replaces the session unless it changed since <paramref name="current"/> was read.</summary>
    public async Task<ReplaceOutcome<StoredSession>> ReplaceAsync(StoredSession current, StoredSession updated)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(updated, TrainingJsonContext.Default.StoredSession);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.DocumentReplace, [SessionKeys.Document(current.Id)], [current.Id, current.Etag, json, 0]);
        return reply.ToReplaceOutcome(updated);
    }

    private static RedisKey CourseKey(string courseId) => $"courses:{courseId}";
}
