using System.Diagnostics;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf;

namespace CapacityBuilding.Benchmarks.Validation;

/// <summary>
/// What checking a request's annotated rules costs, per request type: the CPU time of the calling
/// thread and the bytes it allocates per call of <see cref="AnnotatedFieldRules.Check"/> on a valid
/// request, with no server around it, so that other threads (the JIT, the harness's own) do not
/// count. Run with <c>CapacityBuilding.Benchmarks validation</c> (Linux: the thread's CPU time is
/// read from <c>/proc/thread-self/schedstat</c>).
/// </summary>
internal static class ValidationCost
{
    public const string Role = "validation";

    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MeasuredTime = TimeSpan.FromSeconds(1);

    public static int Run()
    {
        var started = Stopwatch.StartNew();
        var rules = new AnnotatedFieldRules();
        Console.WriteLine($"Rules compiled in {started.ElapsedMilliseconds} ms.");
        WarmUp(rules);
        Console.WriteLine();
        Console.WriteLine("| request | µs CPU per call | bytes per call |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var request in ValidRequests.All)
        {
            var (microseconds, bytes) = Measure(rules, request);
            Console.WriteLine($"| {request.Descriptor.Name} | {microseconds:F1} | {bytes:N0} |");
        }

        return 0;
    }

    // Every request in turn until the JIT has compiled the shared code at its final tier, or the
    // first request measured pays for the compiling of everyone's.
    private static void WarmUp(AnnotatedFieldRules rules)
    {
        for (var warmup = Stopwatch.StartNew(); warmup.Elapsed < WarmupTime;)
        {
            foreach (var request in ValidRequests.All)
            {
                rules.Check(request);
            }
        }
    }

    private static (double Microseconds, long Bytes) Measure(AnnotatedFieldRules rules, IMessage request)
    {
        if (rules.Check(request) is { Count: > 0 } violations)
        {
            throw new InvalidOperationException($"The sample {request.Descriptor.Name} is not valid: {string.Join("; ", violations)}");
        }

        var cpuBefore = ThreadCpuNanoseconds();
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        long calls = 0;
        while (wall.Elapsed < MeasuredTime)
        {
            rules.Check(request);
            calls++;
        }

        var cpuNanoseconds = ThreadCpuNanoseconds() - cpuBefore;
        return (cpuNanoseconds / 1000.0 / calls, (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / calls);
    }

    // The first figure is the time the thread spent on a CPU, in nanoseconds.
    private static long ThreadCpuNanoseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
