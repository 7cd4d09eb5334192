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
/// Each pacer is a thread of its own that sleeps about a millisecond between rounds. .NET's
/// timers (PeriodicTimer, Task.Delay) count in Environment.TickCount64, which on Linux follows the
/// kernel's coarse clock: on a 250 Hz kernel they fire every 4 ms, and each call would wait for
/// its round up to 4 ms after it was due, which this load counts as the server's latency.
/// </summary>
internal static class OpenLoopLoad
{
    private const int Pacers = 4;

    public static async Task<LatencySample> RunAsync(Func<Task> call, double callsPerSecond, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var pacers = Enumerable.Range(0, Pacers).Select(_ => new Pacer()).ToList();
        foreach (var pacer in pacers)
        {
            new Thread(() => pacer.Pace(call, callsPerSecond / Pacers, duration, start)) { IsBackground = true, Name = "open-loop pacer" }.Start();
        }

        await Task.WhenAll(pacers.Select(pacer => pacer.Finished));
        var latencies = pacers.SelectMany(pacer => pacer.Latencies).ToList();
        var failures = pacers.SelectMany(pacer => pacer.Failures).ToList();
        // The offered calls are spread over the whole duration (the last is due one interval
        // before its end): the achieved rate is over at least that long, else it would exceed the offer.
        var elapsed = TimeSpan.FromTicks(Math.Max(Stopwatch.GetElapsedTime(start).Ticks, duration.Ticks));
        return LatencySample.From(latencies, elapsed, failures.Count, failures.FirstOrDefault());
    }

    /// <summary>
    /// One pacing thread and the calls it started. Answered calls are not kept: a run starts tens
    /// of thousands, and keeping their tasks to the end would only give every collection of the
    /// generator's heap, which pauses the pacers too, more to copy.
    /// </summary>
    private sealed class Pacer
    {
        private readonly TaskCompletionSource allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // The pacer holds one count of its own until it has started every call, so that the
        // count cannot reach zero while calls are still to come.
        private int outstanding = 1;

        public List<double> Latencies { get; private set; } = [];

        public List<string> Failures { get; } = [];

        /// <summary>Completes when every call of this pacer has been started and answered.</summary>
        public Task Finished => allAnswered.Task;

        public void Pace(Func<Task> call, double callsPerSecond, TimeSpan duration, long start)
        {
            var ticksPerCall = Stopwatch.Frequency / callsPerSecond;
            var total = (long)(callsPerSecond * duration.TotalSeconds);
            Latencies = new List<double>((int)total);
            try
            {
                for (long started = 0; started < total; Thread.Sleep(1))
                {
                    // Call k is due at k / callsPerSecond: start every call whose moment has come, call 0 at
                    // once. (Counting only whole intervals elapsed would start each call one interval after
                    // it was due and add that interval, 1 / callsPerSecond of this pacer, to every latency.)
                    var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * callsPerSecond) + 1);
                    for (; started < due; started++)
                    {
                        Interlocked.Increment(ref outstanding);
                        _ = TimedAsync(call, start + (long)(started * ticksPerCall));
                    }
                }
            }
            catch (Exception exception)
            {
                allAnswered.TrySetException(exception);
            }
            finally
            {
                Answered();
            }
        }

        private async Task TimedAsync(Func<Task> call, long dueAt)
        {
            try
            {
                await call();
                var latency = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
                lock (Latencies)
                {
                    Latencies.Add(latency);
                }
            }
            catch (RpcException exception)
            {
                lock (Failures)
                {
                    Failures.Add($"{exception.StatusCode}: {exception.Status.Detail}");
                }
            }
            catch (Exception exception)
            {
                allAnswered.TrySetException(exception);
            }
            finally
            {
                Answered();
            }
        }

        private void Answered()
        {
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                allAnswered.TrySetResult();
            }
        }
    }
}
