using System.Runtime.InteropServices;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>What the figures were measured on; the load average says how much else was running.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, string LoadAverageAtStart, string LoadAverageAtEnd)
{
    public static MachineInfo Now(string loadAverageAtStart) =>
        new(Environment.ProcessorCount, CpuModel(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, loadAverageAtStart, LoadAverage());

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
