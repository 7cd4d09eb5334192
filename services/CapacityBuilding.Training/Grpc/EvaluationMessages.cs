using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Evaluations;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates evaluations and their summaries into API messages.</summary>
internal static class EvaluationMessages
{
    public static StoredEvaluation ToNewStoredEvaluation(this Evaluation message, string courseId, string sessionId, string enrolmentId, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        CourseId: courseId,
        SessionId: sessionId,
        EnrolmentId: enrolmentId,
        Reaction: message.Reaction,
        Learning: message.Learning,
        Behaviour: message.Behaviour,
        Results: message.Results,
        Comments: message.Comments.Trim(),
        CreateTime: now);

    public static Evaluation ToMessage(this StoredEvaluation evaluation) => new()
    {
        Name = CourseNames.Evaluation.Format(evaluation.CourseId, evaluation.SessionId, evaluation.Id),
        Enrolment = CourseNames.Enrolment.Format(evaluation.CourseId, evaluation.SessionId, evaluation.EnrolmentId),
        Reaction = evaluation.Reaction,
        Learning = evaluation.Learning,
        Behaviour = evaluation.Behaviour,
        Results = evaluation.Results,
        Comments = evaluation.Comments,
        CreateTime = Timestamp.FromDateTimeOffset(evaluation.CreateTime),
    };

    public static EvaluationSummary ToMessage(this EvaluationTotals totals, string name) => new()
    {
        Name = name,
        EvaluationCount = (int)totals.Evaluations,
        Reaction = totals.Reaction.ToMessage(),
        Learning = totals.Learning.ToMessage(),
        Behaviour = totals.Behaviour.ToMessage(),
        Results = totals.Results.ToMessage(),
    };

    private static LevelSummary ToMessage(this LevelTotals level) => new()
    {
        RatingCount = (int)level.Count,
        RatingSum = level.Sum,
        Average = level.Average,
    };
}
