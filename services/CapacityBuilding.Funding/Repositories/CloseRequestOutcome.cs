namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the script that closes a request to funding decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record CloseRequestOutcome
{
    private CloseRequestOutcome()
    {
    }

    /// <summary>Closed: no allocation to the request succeeds until the closure is taken back.</summary>
    public sealed record Closed : CloseRequestOutcome;

    /// <summary>Refused: <paramref name="Count"/> allocations to the request are ACTIVE.</summary>
    public sealed record HasActiveAllocations(int Count) : CloseRequestOutcome;
}
