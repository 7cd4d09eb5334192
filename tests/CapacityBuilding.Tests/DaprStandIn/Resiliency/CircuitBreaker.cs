namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// One circuit breaker of a Resiliency target, as daprd runs it: dapr/dapr
/// <c>pkg/resiliency/breaker/circuitbreaker.go</c> (v1.16.19) over sony/gobreaker v0.5.0
/// (<c>gobreaker.go</c>, commit 602fbdec13f696579bc1f3f17e3fa3e7a2510a94), ported. Every failed
/// call counts, whatever its status: gobreaker's default <c>IsSuccessful</c> is <c>err == nil</c>,
/// and daprd's proxy turns every non-OK status into an error. Closed: counts are cleared every
/// <c>interval</c> (never when 0) and the breaker opens when <c>trip</c> holds after a failure.
/// Open: calls fail at once for <c>timeout</c> (60s when 0), then half-open. Half-open:
/// <c>maxRequests</c> calls (1 when 0) pass; that many successes close it, one failure opens it again.
/// </summary>
internal sealed class CircuitBreaker(string name, uint maxRequests, TimeSpan interval, TimeSpan timeout, TripCondition trip, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly uint maxRequests = maxRequests == 0 ? 1 : maxRequests;
    private readonly TimeSpan timeout = timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(60) : timeout;
    private BreakerState state = BreakerState.Closed;
    private ulong generation;
    private BreakerCounts counts = new();
    private DateTimeOffset? expiry;

    public string Name { get; } = name;

    public BreakerState State
    {
        get
        {
            lock (gate)
            {
                return CurrentState(clock.GetUtcNow()).State;
            }
        }
    }

    /// <summary>
    /// Lets a call through, or says why not: daprd's <c>ErrOpenState</c> ("circuit breaker is
    /// open") or <c>ErrTooManyRequests</c> ("too many requests"), which the caller sees as UNKNOWN.
    /// </summary>
    public bool TryEnter(out ulong ticket, out string? refusal)
    {
        lock (gate)
        {
            var (current, currentGeneration) = CurrentState(clock.GetUtcNow());
            ticket = currentGeneration;
            refusal = current switch
            {
                BreakerState.Open => "circuit breaker is open",
                BreakerState.HalfOpen when counts.Requests >= maxRequests => "too many requests",
                _ => null,
            };
            if (refusal is null)
            {
                counts = counts with { Requests = counts.Requests + 1 };
            }

            return refusal is null;
        }
    }

    public void Exit(ulong ticket, bool success)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var (current, currentGeneration) = CurrentState(now);
            if (currentGeneration != ticket)
            {
                return;
            }

            if (success)
            {
                counts = counts with
                {
                    TotalSuccesses = counts.TotalSuccesses + 1,
                    ConsecutiveSuccesses = counts.ConsecutiveSuccesses + 1,
                    ConsecutiveFailures = 0,
                };
                if (current == BreakerState.HalfOpen && counts.ConsecutiveSuccesses >= maxRequests)
                {
                    SetState(BreakerState.Closed, now);
                }
            }
            else if (current == BreakerState.Closed)
            {
                counts = counts with
                {
                    TotalFailures = counts.TotalFailures + 1,
                    ConsecutiveFailures = counts.ConsecutiveFailures + 1,
                    ConsecutiveSuccesses = 0,
                };
                if (trip.Holds(counts))
                {
                    SetState(BreakerState.Open, now);
                }
            }
            else if (current == BreakerState.HalfOpen)
            {
                SetState(BreakerState.Open, now);
            }
        }
    }

    private (BreakerState State, ulong Generation) CurrentState(DateTimeOffset now)
    {
        if (state == BreakerState.Closed && expiry is { } closedUntil && closedUntil < now)
        {
            NewGeneration(now);
        }
        else if (state == BreakerState.Open && expiry < now)
        {
            SetState(BreakerState.HalfOpen, now);
        }

        return (state, generation);
    }

    private void SetState(BreakerState next, DateTimeOffset now)
    {
        if (state != next)
        {
            state = next;
            NewGeneration(now);
        }
    }

    private void NewGeneration(DateTimeOffset now)
    {
        generation++;
        counts = new BreakerCounts();
        expiry = state switch
        {
            BreakerState.Closed => interval == TimeSpan.Zero ? null : now + interval,
            BreakerState.Open => now + timeout,
            _ => null,
        };
    }
}

internal enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}

/// <summary>gobreaker's <c>Counts</c>, the variables a <c>trip</c> expression may name.</summary>
internal sealed record BreakerCounts(long Requests = 0, long TotalSuccesses = 0, long TotalFailures = 0, long ConsecutiveSuccesses = 0, long ConsecutiveFailures = 0);
