namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the script that closes a request to funding decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record CloseRequestOutcome
{
    private CloseRequestOutcome()
    {
    }

    /// <summary>Closed: no allocation to the request succeeds until the closure is taken back.</summary>
    public sealed record Closed : CloseRequestOutcome;

    /// <summary>Refused: <paramref name="Count"/> ACTIVE allocations to the request hold money not yet paid out.</summary>
    public sealed record MoneyAllocated(int Count) : CloseRequestOutcome;
}
