using System.Globalization;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>A process's peak resident set (VmHWM in /proc/{pid}/status), in MiB.</summary>
internal static class PeakMemory
{
    public static double? MebibytesOf(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
