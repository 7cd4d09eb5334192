using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Evaluations;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates evaluations, their follow-ups and their summaries into API messages.</summary>
internal static class EvaluationMessages
{
    /// <param name="requestId">The request the enrolment names, if any: its summary counts the evaluation too.</param>
    public static StoredEvaluation ToNewStoredEvaluation(this Evaluation message, string courseId, string sessionId, string enrolmentId, string requestId, DateTimeOffset now) =>
        message.ToStored(now) with { CourseId = courseId, SessionId = sessionId, EnrolmentId = enrolmentId, RequestId = requestId };

    /// <param name="servedRequestIds">The requests the session's confirmed enrolments name: their summaries count the evaluation too.</param>
    public static StoredEvaluation ToNewStoredSessionEvaluation(this Evaluation message, string courseId, string sessionId, string expertId,
        IReadOnlyList<string> servedRequestIds, DateTimeOffset now) =>
        message.ToStored(now) with { CourseId = courseId, SessionId = sessionId, ExpertId = expertId, ServedRequestIds = servedRequestIds };

    public static StoredEvaluation ToNewStoredEventEvaluation(this Evaluation message, string eventId, string requestId, string expertId, DateTimeOffset now) =>
        message.ToStored(now) with { EventId = eventId, RequestId = requestId, ExpertId = expertId };

    public static StoredEvaluation WithFollowUp(this StoredEvaluation evaluation, EvaluationFollowUp followUp, DateTimeOffset now) => evaluation with
    {
        FollowUp = new StoredFollowUp(followUp.Behaviour, followUp.Results, followUp.Comments.Trim(), now),
    };

    public static Evaluation ToMessage(this StoredEvaluation evaluation) => new()
    {
        Name = evaluation.EventId.Length > 0
            ? CourseNames.EventEvaluation.Format(evaluation.EventId, evaluation.Id)
            : CourseNames.Evaluation.Format(evaluation.CourseId, evaluation.SessionId, evaluation.Id),
        Enrolment = evaluation.EnrolmentId.Length > 0 ? CourseNames.Enrolment.Format(evaluation.CourseId, evaluation.SessionId, evaluation.EnrolmentId) : "",
        Reaction = evaluation.Reaction,
        Learning = evaluation.Learning,
        Behaviour = evaluation.Behaviour,
        Results = evaluation.Results,
        Comments = evaluation.Comments,
        CreateTime = Timestamp.FromDateTimeOffset(evaluation.CreateTime),
        Respondent = evaluation.Group,
        Expert = evaluation.ExpertId.Length > 0 ? CourseNames.Expert.Format(evaluation.ExpertId) : "",
        ObjectivesMet = evaluation.ObjectivesMet,
        KnowledgeImproved = evaluation.KnowledgeImproved,
        MoreHelpNeeded = evaluation.MoreHelpNeeded,
        FollowUp = evaluation.FollowUp is { } followUp
            ? new EvaluationFollowUp
            {
                Behaviour = followUp.Behaviour,
                Results = followUp.Results,
                Comments = followUp.Comments,
                CreateTime = Timestamp.FromDateTimeOffset(followUp.CreateTime),
            }
            : null,
    };

    public static EvaluationSummary ToMessage(this EvaluationTotals totals, string name) => new()
    {
        Name = name,
        EvaluationCount = (int)totals.Evaluations,
        Reaction = totals.Reaction.ToMessage(),
        Learning = totals.Learning.ToMessage(),
        Behaviour = totals.Behaviour.ToMessage(),
        Results = totals.Results.ToMessage(),
        Respondents =
        {
            totals.Respondents.Select(group => new RespondentSummary
            {
                Respondent = group.Group,
                EvaluationCount = (int)group.Evaluations,
                FollowUpCount = (int)group.FollowUps,
                Reaction = group.Question("reaction").ToMessage(),
                Learning = group.Question("learning").ToMessage(),
                Behaviour = group.Question("behaviour").ToMessage(),
                Results = group.Question("results").ToMessage(),
                ObjectivesMet = group.Question("objectives_met").ToMessage(),
                KnowledgeImproved = group.Question("knowledge_improved").ToMessage(),
                MoreHelpNeeded = group.Question("more_help_needed").ToMessage(),
            }),
        },
    };

    private static StoredEvaluation ToStored(this Evaluation message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        CourseId: "",
        SessionId: "",
        EnrolmentId: "",
        Reaction: message.Reaction,
        Learning: message.Learning,
        Behaviour: message.Behaviour,
        Results: message.Results,
        Comments: message.Comments.Trim(),
        CreateTime: now,
        Respondent: message.Respondent,
        ObjectivesMet: message.ObjectivesMet,
        KnowledgeImproved: message.KnowledgeImproved,
        MoreHelpNeeded: message.MoreHelpNeeded);

    private static LevelSummary ToMessage(this LevelTotals level) => new()
    {
        RatingCount = (int)level.Count,
        RatingSum = level.Sum,
        Average = level.Average,
    };
}
