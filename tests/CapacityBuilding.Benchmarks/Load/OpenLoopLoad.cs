using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace CapacityBuilding.Benchmarks.Load;

/// <summary>
/// Calls started at a fixed rate whatever the answers do, as independent clients would. Each
/// latency is measured from the moment the call was due, not when it could start, so a stalled
/// server shows in the percentiles instead of silently lowering the rate (coordinated omission).
/// </summary>
internal static class OpenLoopLoad
{
    public static async Task<LatencySample> RunAsync(Func<Task> call, double callsPerSecond, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var inFlight = new List<Task>();
        var errors = 0;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var ticksPerCall = Stopwatch.Frequency / callsPerSecond;
        var total = (long)(callsPerSecond * duration.TotalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        for (long started = 0; started < total;)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * callsPerSecond));
            for (; started < due; started++)
            {
                var dueAt = start + (long)(started * ticksPerCall);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await call();
                        latencies.Add(Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds);
                    }
                    catch (RpcException exception)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{exception.StatusCode}: {exception.Status.Detail}", null);
                    }
                }));
            }

            await timer.WaitForNextTickAsync();
        }

        await Task.WhenAll(inFlight);
        return LatencySample.From([.. latencies], Stopwatch.GetElapsedTime(start), errors, firstError);
    }
}
