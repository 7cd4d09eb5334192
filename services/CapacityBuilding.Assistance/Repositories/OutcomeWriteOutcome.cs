using CapacityBuilding.Assistance.Domain.Results;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>What the script that writes an outcome decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record OutcomeWriteOutcome
{
    private OutcomeWriteOutcome()
    {
    }

    /// <summary>Created or replaced: <paramref name="Outcome"/> is stored and the entry is the request's latest.</summary>
    public sealed record Written(StoredOutcome Outcome) : OutcomeWriteOutcome;

    /// <summary>An earlier create with the same request id made the outcome <paramref name="OutcomeId"/>; nothing was written.</summary>
    public sealed record Existing(string OutcomeId) : OutcomeWriteOutcome;

    public sealed record NotFound : OutcomeWriteOutcome;

    /// <summary>The request changed since it was read: the entry no longer extends its history.</summary>
    public sealed record RequestStale : OutcomeWriteOutcome;

    /// <summary>The outcome changed since it was read.</summary>
    public sealed record OutcomeStale : OutcomeWriteOutcome;
}
