using Grpc.Core;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// How one unary call through a caller's sidecar runs, as dapr/dapr v1.16.19
/// <c>pkg/resiliency/policy.go</c> (<c>NewRunnerWithOptions</c>) and
/// <c>pkg/api/grpc/proxy/handler.go</c> run it: each attempt has its own <see cref="Timeout"/>
/// (an attempt that runs out fails without a status, DEADLINE_EXCEEDED to the caller); each
/// attempt goes through the <see cref="Breaker"/>, which counts every attempt that did not end OK
/// and, while open, refuses without trying (UNKNOWN, never retried); the <see cref="Retry"/>
/// policy tries again after a failure whose status its <c>matching</c> lists, or that has no status.
/// </summary>
internal sealed record EndpointPolicy(TimeSpan? Timeout, RetryPolicy? Retry, CircuitBreaker? Breaker)
{
    /// <param name="attempt">One try, given its own cancellation (the per-attempt timeout or the caller going away) and its deadline.</param>
    public async Task<ProxyOutcome> RunAsync(Func<DateTimeOffset?, CancellationToken, Task<ProxyOutcome>> attempt, DateTimeOffset? callerDeadline, CancellationToken callAborted)
    {
        for (var retry = 0; ; retry++)
        {
            var outcome = await AttemptThroughBreakerAsync(attempt, callerDeadline, callAborted);
            if (outcome.Status == StatusCode.OK || outcome.IsBreakerRefusal || Retry is null
                || (outcome.HasStatus && !Retry.Retries(outcome.Status))
                || (Retry.MaxRetries >= 0 && retry >= Retry.MaxRetries)
                || callAborted.IsCancellationRequested)
            {
                return outcome;
            }

            await Task.Delay(Retry.Delay(retry + 1), callAborted);
        }
    }

    private async Task<ProxyOutcome> AttemptThroughBreakerAsync(Func<DateTimeOffset?, CancellationToken, Task<ProxyOutcome>> attempt, DateTimeOffset? callerDeadline, CancellationToken callAborted)
    {
        ulong ticket = 0;
        if (Breaker is not null && !Breaker.TryEnter(out ticket, out var refusal))
        {
            return ProxyOutcome.BreakerRefused(refusal!);
        }

        var outcome = await AttemptWithTimeoutAsync(attempt, callerDeadline, callAborted);
        Breaker?.Exit(ticket, outcome.Status == StatusCode.OK);
        return outcome;
    }

    private async Task<ProxyOutcome> AttemptWithTimeoutAsync(Func<DateTimeOffset?, CancellationToken, Task<ProxyOutcome>> attempt, DateTimeOffset? callerDeadline, CancellationToken callAborted)
    {
        using var attemptAborted = CancellationTokenSource.CreateLinkedTokenSource(callAborted);
        var deadline = callerDeadline;
        if (Timeout is { } timeout)
        {
            attemptAborted.CancelAfter(timeout);
            var attemptDeadline = DateTimeOffset.UtcNow + timeout;
            deadline = deadline is null || attemptDeadline < deadline ? attemptDeadline : deadline;
        }

        try
        {
            return await attempt(deadline, attemptAborted.Token);
        }
        catch (OperationCanceledException) when (attemptAborted.IsCancellationRequested && !callAborted.IsCancellationRequested)
        {
            return ProxyOutcome.TimedOut;
        }
    }
}
