namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>A participant's evaluation of a completed session, as stored.</summary>
public sealed record StoredEvaluation(
    string Id,
    string CourseId,
    string SessionId,
    string EnrolmentId,
    int Reaction,
    int Learning,
    int Behaviour,
    int Results,
    string Comments,
    DateTimeOffset CreateTime);
