using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What a conditional replace found.</summary>
public enum ReplaceOutcome
{
    Updated,
    NotFound,

    /// <summary>Someone changed the document since it was read (its etag differs).</summary>
    Stale,
}

internal static class ReplaceOutcomes
{
    public static ReplaceOutcome Parse(RedisResult result) => (string?)result switch
    {
        "UPDATED" => ReplaceOutcome.Updated,
        "NOT_FOUND" => ReplaceOutcome.NotFound,
        "STALE" => ReplaceOutcome.Stale,
        var other => throw new InvalidOperationException($"Unexpected answer of the replace script: {other}."),
    };
}
