using System.Diagnostics;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Load;

/// <summary>
/// Load shedding: a call over <see cref="ConcurrentCallOptions.MaxConcurrentCalls"/> in flight is
/// answered at once with UNAVAILABLE (<see cref="ErrorReasons.ServerBusy"/>, REST 503, Retry-After)
/// instead of being queued. Without it, callers that send faster than an app answers (a benchmark's
/// open loop at three times the gateway's peak did) pile up calls until the heap limit of the app's
/// Deployment is reached and the process dies of OutOfMemoryException, failing every call it held;
/// with it, the calls over the limit fail fast, the others finish, and callers back off (UNAVAILABLE
/// is what gRPC clients and Dapr's resiliency policies retry with backoff). A counter and a
/// compare-and-swap cost nothing next to a call. Probes (<c>/health</c>, grpc.health.v1) are never
/// shed: a busy app is alive, and restarting it would only drop more calls.
/// </summary>
public sealed partial class ConcurrentCallLimit(IOptions<ConcurrentCallOptions> options, ErrorDomain domain, ILogger<ConcurrentCallLimit> logger)
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly int limit = options.Value.MaxConcurrentCalls;
    private int inFlight;
    private long shedSinceLog;
    private long lastLog = long.MinValue;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (Interlocked.Increment(ref inFlight) > limit)
        {
            Interlocked.Decrement(ref inFlight);
            await ShedAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal);

    private Task ShedAsync(HttpContext context)
    {
        Interlocked.Increment(ref shedSinceLog);
        var now = Stopwatch.GetTimestamp();
        var last = Volatile.Read(ref lastLog);
        // One line per interval however many calls are shed: under overload a line per call would add to it.
        if ((last == long.MinValue || Stopwatch.GetElapsedTime(last, now) >= LogInterval) && Interlocked.CompareExchange(ref lastLog, now, last) == last)
        {
            LogShed(Interlocked.Exchange(ref shedSinceLog, 0), limit);
        }

        context.Response.Headers.RetryAfter = "1";
        return ErrorAnswers.WriteAsync(context, domain, Grpc.Core.StatusCode.Unavailable, StatusCodes.Status503ServiceUnavailable,
            ErrorReasons.ServerBusy, $"Busy with {limit} calls; retry after 1 s.", context.RequestAborted);
    }

    [LoggerMessage(EventId = EventIds.CallsShed, Level = LogLevel.Warning, Message = "Answered {Count} calls UNAVAILABLE: {Limit} calls were already in flight")]
    private partial void LogShed(long count, int limit);
}
