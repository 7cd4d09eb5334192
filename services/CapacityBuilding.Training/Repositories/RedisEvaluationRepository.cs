using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Evaluations and their summaries in Redis. Keys (see <see cref="SessionKeys"/>), under the
/// <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>evaluations:{id}</c>: the evaluation, JSON (<see cref="StoredEvaluation"/>).</item>
/// <item><c>sessions:{id}:evaluations</c>: sorted set of the session's evaluation ids, score 0.</item>
/// <item><c>sessions:{id}:evaluated</c>: hash enrolment id to its evaluation, one per enrolment.</item>
/// <item><c>sessions:{id}:evaluation-summary</c> and <c>courses:{id}:evaluation-summary</c>:
/// hashes with <c>evaluations</c>, and <c>{level}:count</c> / <c>{level}:sum</c> for each
/// Kirkpatrick level, kept by the same script that stores the evaluation.</item>
/// <item><c>evaluations:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisEvaluationRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredEvaluation> store = new(keyspace, TrainingJsonContext.Default.StoredEvaluation);

    public async Task<EvaluationOutcome> CreateAsync(StoredEvaluation evaluation, IdempotentCreate? create)
    {
        var sessionId = evaluation.SessionId;
        List<RedisKey> keys =
        [
            SessionKeys.Document(sessionId), EnrolmentKey(evaluation.EnrolmentId), SessionKeys.Evaluated(sessionId),
            KeyOf(evaluation.Id), SessionKeys.Evaluations(sessionId), SessionKeys.EvaluationSummary(sessionId),
            SessionKeys.CourseEvaluationSummary(evaluation.CourseId),
        ];
        if (create is not null)
        {
            keys.Add(create.KeyIn("evaluations"));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(evaluation, TrainingJsonContext.Default.StoredEvaluation);
        RedisValue[] arguments =
        [
            evaluation.Id, json, evaluation.EnrolmentId, sessionId, evaluation.CourseId,
            evaluation.Reaction, evaluation.Learning, evaluation.Behaviour, evaluation.Results, create?.Fingerprint ?? "",
        ];
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EvaluationCreate, [.. keys], arguments);
        return reply.Status switch
        {
            "CREATED" => new EvaluationOutcome.Created(evaluation),
            "EXISTING" => new EvaluationOutcome.Created(await store.GetAsync(KeyOf(reply.Text(0)))
                ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing evaluation.")),
            "NO_SESSION" => new EvaluationOutcome.SessionMissing(),
            "SESSION_STATUS" => new EvaluationOutcome.SessionNotCompleted(reply.Text(0)),
            "NO_ENROLMENT" => new EvaluationOutcome.EnrolmentMissing(),
            "ENROLMENT_STATE" => new EvaluationOutcome.EnrolmentNotConfirmed(reply.Text(0)),
            "ALREADY_EVALUATED" => new EvaluationOutcome.AlreadyEvaluated(reply.Text(0)),
            _ => throw reply.Unexpected("evaluation"),
        };
    }

    public Task<(IReadOnlyList<StoredEvaluation> Items, string? LastId)> ListAsync(string sessionId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(SessionKeys.Evaluations(sessionId), KeyOf, pageSize, afterId);

    public Task<EvaluationTotals> SessionTotalsAsync(string sessionId) => TotalsAsync(SessionKeys.EvaluationSummary(sessionId));

    public Task<EvaluationTotals> CourseTotalsAsync(string courseId) => TotalsAsync(SessionKeys.CourseEvaluationSummary(courseId));

    private async Task<EvaluationTotals> TotalsAsync(RedisKey key)
    {
        var fields = (await database.HashGetAllAsync(key)).ToDictionary(entry => (string)entry.Name!, entry => (long)entry.Value);
        LevelTotals Level(string level) => new(fields.GetValueOrDefault($"{level}:count"), fields.GetValueOrDefault($"{level}:sum"));
        return new EvaluationTotals(fields.GetValueOrDefault("evaluations"), Level("reaction"), Level("learning"), Level("behaviour"), Level("results"));
    }

    private static RedisKey KeyOf(string id) => $"evaluations:{id}";

    private static RedisKey EnrolmentKey(string id) => $"enrolments:{id}";
}
