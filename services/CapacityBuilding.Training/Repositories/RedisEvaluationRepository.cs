using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Evaluations and their summaries in Redis. Keys (see <see cref="SessionKeys"/> and
/// <see cref="EventKeys"/>), under the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>evaluations:{id}</c>: the evaluation, JSON (<see cref="StoredEvaluation"/>), of a session or an event, with its follow-up.</item>
/// <item><c>sessions:{id}:evaluations</c> and <c>events:{id}:evaluations</c>: sorted sets of the evaluation ids, score 0.</item>
/// <item><c>sessions:{id}:evaluated</c>: hash enrolment id to its evaluation, one per enrolment;
/// <c>sessions:{id}:evaluated-experts</c> and <c>events:{id}:evaluated-experts</c>: hash expert id
/// to its evaluation, one per expert.</item>
/// <item><c>sessions:{id}:evaluation-summary</c>, <c>courses:{id}:evaluation-summary</c>,
/// <c>events:{id}:evaluation-summary</c> and <c>requests:{id}:evaluation-summary</c>: hashes of
/// counts and rating sums, over every group and per group (<c>evaluation-summary.lua</c>), kept by
/// the same script that stores the evaluation or its follow-up. A request's counts its events',
/// its enrolled participants' and the experts' and hosts' evaluations of the sessions its
/// enrolments were confirmed in.</item>
/// <item><c>evaluations:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisEvaluationRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredEvaluation> store = new(keyspace, TrainingJsonContext.Default.StoredEvaluation);

    /// <summary>Records a participant's evaluation of a session.</summary>
    public async Task<EvaluationOutcome> CreateAsync(StoredEvaluation evaluation, IdempotentCreate? create)
    {
        var sessionId = evaluation.SessionId;
        var withRequest = evaluation.RequestId.Length > 0;
        List<RedisKey> keys =
        [
            SessionKeys.Document(sessionId), EnrolmentKey(evaluation.EnrolmentId), SessionKeys.Evaluated(sessionId),
            KeyOf(evaluation.Id), SessionKeys.Evaluations(sessionId), SessionKeys.EvaluationSummary(sessionId),
            SessionKeys.CourseEvaluationSummary(evaluation.CourseId),
        ];
        if (withRequest)
        {
            keys.Add(EventKeys.RequestEvaluationSummary(evaluation.RequestId));
        }

        if (create is not null)
        {
            keys.Add(create.KeyIn("evaluations"));
        }

        RedisValue[] arguments =
        [
            evaluation.Id, Serialize(evaluation), evaluation.EnrolmentId, sessionId, evaluation.CourseId,
            .. RatingsOf(evaluation), withRequest ? "1" : "0", create?.Fingerprint ?? "",
        ];
        return await CreatedOrNotAsync(await ScriptReply.RunScriptAsync(database, TrainingScripts.EvaluationCreate, [.. keys], arguments), evaluation, create);
    }

    /// <summary>Records an evaluation of a delivered event; an expert's once.</summary>
    public Task<EvaluationOutcome> CreateForEventAsync(StoredEvaluation evaluation, IdempotentCreate? create) =>
        CreateWithoutEnrolmentAsync(evaluation, create, EventKeys.Document(evaluation.EventId), EventKeys.Evaluations(evaluation.EventId),
            EventKeys.EvaluatedExperts(evaluation.EventId), [EventKeys.EvaluationSummary(evaluation.EventId)], "State", "Delivered", courseId: "");

    /// <summary>Records an expert's (once) or the host institution's evaluation of a completed session.</summary>
    public Task<EvaluationOutcome> CreateForSessionAsync(StoredEvaluation evaluation, IdempotentCreate? create) =>
        CreateWithoutEnrolmentAsync(evaluation, create, SessionKeys.Document(evaluation.SessionId), SessionKeys.Evaluations(evaluation.SessionId),
            SessionKeys.EvaluatedExperts(evaluation.SessionId),
            [SessionKeys.EvaluationSummary(evaluation.SessionId), SessionKeys.CourseEvaluationSummary(evaluation.CourseId)], "Status", "Completed", evaluation.CourseId);

    /// <summary>
    /// The one way an evaluation without an enrolment is stored, of a session or an event
    /// (<c>respondent-evaluation-create.lua</c>): it counts in the evaluated thing's summaries and
    /// in those of the requests it serves.
    /// </summary>
    private async Task<EvaluationOutcome> CreateWithoutEnrolmentAsync(
        StoredEvaluation evaluation, IdempotentCreate? create, RedisKey evaluated, RedisKey index, RedisKey evaluatedExperts,
        IReadOnlyList<RedisKey> summaries, string stateField, string openState, string courseId)
    {
        List<RedisKey> summaryKeys = [.. summaries, .. evaluation.SummarizedRequestIds.Select(EventKeys.RequestEvaluationSummary)];
        List<RedisKey> keys = [evaluated, KeyOf(evaluation.Id), index, evaluatedExperts, .. summaryKeys];
        if (create is not null)
        {
            keys.Add(create.KeyIn("evaluations"));
        }

        RedisValue[] arguments =
        [
            evaluation.Id, Serialize(evaluation), evaluation.ExpertId, EvaluationQuestions.GroupName(evaluation.Group),
            .. RatingsOf(evaluation), stateField, openState, courseId, summaryKeys.Count, create?.Fingerprint ?? "",
        ];
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.RespondentEvaluationCreate, [.. keys], arguments);
        var ofSession = evaluation.SessionId.Length > 0;
        return reply.Status switch
        {
            "MISSING" => ofSession ? new EvaluationOutcome.SessionMissing() : new EvaluationOutcome.EventMissing(),
            "STATE" => ofSession ? new EvaluationOutcome.SessionNotCompleted(reply.Text(0)) : new EvaluationOutcome.EventNotDelivered(reply.Text(0)),
            _ => await CreatedOrNotAsync(reply, evaluation, create),
        };
    }

    /// <summary>Stores <paramref name="followedUp"/> (the evaluation with its follow-up) unless it has one or rated those levels already.</summary>
    /// <returns>False when it was refused so.</returns>
    public async Task<bool> RecordFollowUpAsync(StoredEvaluation followedUp)
    {
        List<RedisKey> keys = [KeyOf(followedUp.Id)];
        if (followedUp.EventId.Length > 0)
        {
            keys.Add(EventKeys.EvaluationSummary(followedUp.EventId));
        }
        else
        {
            keys.Add(SessionKeys.EvaluationSummary(followedUp.SessionId));
            keys.Add(SessionKeys.CourseEvaluationSummary(followedUp.CourseId));
        }

        keys.AddRange(followedUp.SummarizedRequestIds.Select(EventKeys.RequestEvaluationSummary));

        var followUp = followedUp.FollowUp!;
        RedisValue[] arguments = [Serialize(followedUp), EvaluationQuestions.GroupName(followedUp.Group), followUp.Behaviour, followUp.Results];
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.EvaluationFollowUp, [.. keys], arguments);
        return reply.Status switch
        {
            "RECORDED" => true,
            "ALREADY_RECORDED" or "NO_EVALUATION" => false,
            _ => throw reply.Unexpected("evaluation follow-up"),
        };
    }

    public Task<StoredEvaluation?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<(IReadOnlyList<StoredEvaluation> Items, string? LastId)> ListAsync(string sessionId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(SessionKeys.Evaluations(sessionId), KeyOf, pageSize, afterId);

    public Task<(IReadOnlyList<StoredEvaluation> Items, string? LastId)> ListForEventAsync(string eventId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(EventKeys.Evaluations(eventId), KeyOf, pageSize, afterId);

    public Task<EvaluationTotals> SessionTotalsAsync(string sessionId) => TotalsAsync(SessionKeys.EvaluationSummary(sessionId));

    public Task<EvaluationTotals> CourseTotalsAsync(string courseId) => TotalsAsync(SessionKeys.CourseEvaluationSummary(courseId));

    public Task<EvaluationTotals> EventTotalsAsync(string eventId) => TotalsAsync(EventKeys.EvaluationSummary(eventId));

    public Task<EvaluationTotals> RequestTotalsAsync(string requestId) => TotalsAsync(EventKeys.RequestEvaluationSummary(requestId));

    private async Task<EvaluationTotals> TotalsAsync(RedisKey key)
    {
        var fields = (await database.HashGetAllAsync(key)).ToDictionary(entry => (string)entry.Name!, entry => (long)entry.Value);
        LevelTotals Level(string prefix) => new(fields.GetValueOrDefault($"{prefix}:count"), fields.GetValueOrDefault($"{prefix}:sum"));
        var respondents = new[] { Respondent.Participant, Respondent.Expert, Respondent.HostInstitution }
            .Select(group => (Group: group, Name: EvaluationQuestions.GroupName(group)))
            .Where(group => fields.GetValueOrDefault($"{group.Name}:evaluations") > 0)
            .Select(group => new RespondentTotals(
                group.Group,
                fields.GetValueOrDefault($"{group.Name}:evaluations"),
                fields.GetValueOrDefault($"{group.Name}:follow-ups"),
                EvaluationQuestions.All.ToDictionary(question => question.Name, question => Level($"{group.Name}:{question.Name}"))))
            .ToList();
        return new EvaluationTotals(fields.GetValueOrDefault("evaluations"), Level("reaction"), Level("learning"), Level("behaviour"), Level("results"), respondents);
    }

    private async Task<EvaluationOutcome> CreatedOrNotAsync(ScriptReply reply, StoredEvaluation evaluation, IdempotentCreate? create) => reply.Status switch
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

    private static RedisValue[] RatingsOf(StoredEvaluation evaluation) => [.. EvaluationQuestions.All.Select(question => (RedisValue)question.Rating(evaluation))];

    private static byte[] Serialize(StoredEvaluation evaluation) => JsonSerializer.SerializeToUtf8Bytes(evaluation, TrainingJsonContext.Default.StoredEvaluation);

    private static RedisKey KeyOf(string id) => $"evaluations:{id}";

    private static RedisKey EnrolmentKey(string id) => $"enrolments:{id}";
}
