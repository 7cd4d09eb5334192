using System.Diagnostics;
using Grpc.Core;

namespace CapacityBuilding.Benchmarks.Load;

/// <summary>
/// Calls started at a fixed rate whatever the answers do, as independent clients would. Each
/// latency is measured from the moment the call was due, not when it could start, so a stalled
/// server shows in the percentiles instead of silently lowering the rate (coordinated omission).
/// Several pacers share the rate, each starting its calls without a thread hop, so that the
/// generator itself keeps up; the calls/s column shows what was achieved, to compare with what
/// was offered.
/// </summary>
internal static class OpenLoopLoad
{
    private const int Pacers = 4;

    public static async Task<LatencySample> RunAsync(Func<Task> call, double callsPerSecond, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var perPacer = await Task.WhenAll(Enumerable.Range(0, Pacers).Select(_ => Task.Run(() => PaceAsync(call, callsPerSecond / Pacers, duration, start))));
        var latencies = perPacer.SelectMany(pacer => pacer.Latencies).ToList();
        var failures = perPacer.SelectMany(pacer => pacer.Failures).ToList();
        // The offered calls are spread over the whole duration (the last is due one interval
        // before its end): the achieved rate is over at least that long, else it would exceed the offer.
        var elapsed = TimeSpan.FromTicks(Math.Max(Stopwatch.GetElapsedTime(start).Ticks, duration.Ticks));
        return LatencySample.From(latencies, elapsed, failures.Count, failures.FirstOrDefault());
    }

    private static async Task<(List<double> Latencies, List<string> Failures)> PaceAsync(Func<Task> call, double callsPerSecond, TimeSpan duration, long start)
    {
        var latencies = new List<double>();
        var failures = new List<string>();
        var inFlight = new List<Task>();
        var ticksPerCall = Stopwatch.Frequency / callsPerSecond;
        var total = (long)(callsPerSecond * duration.TotalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        for (long started = 0; started < total; await timer.WaitForNextTickAsync())
        {
            // Call k is due at k / callsPerSecond: start every call whose moment has come, call 0 at
            // once. (Counting only whole intervals elapsed would start each call one interval after
            // it was due and add that interval, 1 / callsPerSecond of this pacer, to every latency.)
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * callsPerSecond) + 1);
            for (; started < due; started++)
            {
                inFlight.Add(TimedAsync(call, start + (long)(started * ticksPerCall), latencies, failures));
            }
        }

        await Task.WhenAll(inFlight);
        return (latencies, failures);
    }

    private static async Task TimedAsync(Func<Task> call, long dueAt, List<double> latencies, List<string> failures)
    {
        try
        {
            await call();
            var latency = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(latency);
            }
        }
        catch (RpcException exception)
        {
            lock (failures)
            {
                failures.Add($"{exception.StatusCode}: {exception.Status.Detail}");
            }
        }
    }
}
