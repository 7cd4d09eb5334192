using CapacityBuilding.Training.Domain.Evaluations;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What recording an evaluation came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record EvaluationOutcome
{
    private EvaluationOutcome()
    {
    }

    public sealed record Created(StoredEvaluation Evaluation) : EvaluationOutcome;

    public sealed record SessionMissing : EvaluationOutcome;

    public sealed record SessionNotCompleted(string Status) : EvaluationOutcome;

    public sealed record EnrolmentMissing : EvaluationOutcome;

    public sealed record EnrolmentNotConfirmed(string State) : EvaluationOutcome;

    public sealed record AlreadyEvaluated(string EvaluationId) : EvaluationOutcome;

    public sealed record EventMissing : EvaluationOutcome;

    public sealed record EventNotDelivered(string State) : EvaluationOutcome;
}
