using System.Globalization;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>A process's peak resident set (VmHWM in /proc/{pid}/status) and its current one (VmRSS), in MiB.</summary>
internal static class PeakMemory
{
    public static double? MebibytesOf(int processId) => StatusMebibytes(processId, "VmHWM:");

    public static double? ResidentMebibytesOf(int processId) => StatusMebibytes(processId, "VmRSS:");

    private static double? StatusMebibytes(int processId, string field)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(line => line.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
