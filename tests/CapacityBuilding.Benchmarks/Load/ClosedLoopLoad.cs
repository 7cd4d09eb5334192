using System.Diagnostics;
using Grpc.Core;

namespace CapacityBuilding.Benchmarks.Load;

/// <summary>
/// A fixed number of callers, each starting its next call as soon as the previous one answers,
/// for a fixed time. All callers share the case's channel (one HTTP/2 connection, many streams),
/// as a real client does. Failed calls are counted, not timed.
/// </summary>
internal sealed class ClosedLoopLoad(int concurrency)
{
    public async Task<LatencySample> RunAsync(Func<Task> call, TimeSpan duration)
    {
        var perCaller = new List<double>[concurrency];
        var errors = 0;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var latencies = perCaller[caller] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var callStart = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    latencies.Add(Stopwatch.GetElapsedTime(callStart).TotalMilliseconds);
                }
                catch (RpcException exception)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{exception.StatusCode}: {exception.Status.Detail}", null);
                }
            }
        })));

        var elapsed = Stopwatch.GetElapsedTime(start);
        return LatencySample.From([.. perCaller.SelectMany(latencies => latencies)], elapsed, errors, firstError);
    }
}
