namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Requests seeded UNDER_REVIEW for case 6, each handed out once: approving a request moves it on,
/// so no iteration may reuse one. Safe to take from any number of callers at once.
/// </summary>
internal sealed class UnderReviewPool(IReadOnlyList<string> requestNames)
{
    private int taken;

    public int Seeded => requestNames.Count;

    /// <summary>How many requests were handed out (never more than <see cref="Seeded"/>).</summary>
    public int Used => Math.Min(Volatile.Read(ref taken), Seeded);

    /// <summary>The next unused request; throws <see cref="CaseStoppedException"/> when none is left.</summary>
    public string Take()
    {
        var index = Interlocked.Increment(ref taken) - 1;
        return index < requestNames.Count
            ? requestNames[index]
            : throw new CaseStoppedException(
                $"all {Seeded} requests seeded UNDER_REVIEW were used; raise --ChainCallsPerSecond (the pool is sized from it)");
    }
}
