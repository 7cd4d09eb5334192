using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>
/// Bytes another .NET process allocates while a run lasts, read over its diagnostics port: an
/// EventPipe session with the runtime's GC events, summing the allocation ticks (the runtime emits
/// one about every 100 KB allocated, with the amount since the last). Divided by the calls, it is
/// the process's allocation per call: unlike CPU time it does not change with the machine's load,
/// so it tells two builds of a proxy apart where a busy machine's CPU per call cannot. The
/// session's own cost to the process is one event per 100 KB.
/// </summary>
internal sealed class ProcessAllocations : IAsyncDisposable
{
    private readonly EventPipeSession session;
    private readonly Task processing;
    private long bytes;

    private ProcessAllocations(int processId)
    {
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        session = new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false);
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCAllocationTick += tick => Interlocked.Add(ref bytes, tick.AllocationAmount64);
        processing = Task.Run(source.Process);
    }

    /// <summary>Starts counting the allocations of <paramref name="processId"/>, or null when its diagnostics port does not answer.</summary>
    public static ProcessAllocations? Watch(int processId)
    {
        try
        {
            return new ProcessAllocations(processId);
        }
        catch (ServerNotAvailableException)
        {
            return null;
        }
    }

    /// <summary>Ends the session and returns the bytes allocated since <see cref="Watch"/>.</summary>
    public async Task<long> StopAsync()
    {
        await session.StopAsync(CancellationToken.None);
        await processing;
        return Interlocked.Read(ref bytes);
    }

    public async ValueTask DisposeAsync()
    {
        session.Dispose();
        await processing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
