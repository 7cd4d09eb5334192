using System.Globalization;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>
/// CPU a process has used, user and system, over all its threads (<c>utime + stime</c> in
/// /proc/{pid}/stat, in clock ticks of 10 ms): read before and after a run, divided by the calls,
/// it is the process's CPU per call, which a shared machine changes far less than calls per second.
/// </summary>
internal static class ProcessCpu
{
    private const double MicrosecondsPerTick = 10_000;

    public static double? MicrosecondsOf(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MicrosecondsPerTick;
    }
}
