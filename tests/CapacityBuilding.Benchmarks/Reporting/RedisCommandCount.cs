using System.Globalization;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>
/// How many Redis commands one call makes, by command: <c>INFO commandstats</c> before and after
/// calls made one at a time while nothing else runs. Commands a Lua script runs are counted under
/// their own names, beside the <c>evalsha</c> that ran the script.
/// </summary>
internal static class RedisCommandCount
{
    /// <summary>The commands per call (each command's count over <paramref name="calls"/> calls), most first; the INFO calls themselves left out.</summary>
    public static async Task<IReadOnlyList<(string Command, double PerCall)>> PerCallAsync(IServer server, Func<Task> call, int calls)
    {
        var before = await CallsByCommandAsync(server);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var after = await CallsByCommandAsync(server);
        return [.. after
            .Where(command => command.Key != "info")
            .Select(command => (command.Key, PerCall: (command.Value - before.GetValueOrDefault(command.Key)) / (double)calls))
            .Where(command => command.PerCall > 0)
            .OrderByDescending(command => command.PerCall)];
    }

    /// <summary>One line for the console: the total per call, then each command.</summary>
    public static string Describe(IReadOnlyList<(string Command, double PerCall)> perCall) =>
        string.Create(CultureInfo.InvariantCulture, $"{perCall.Sum(command => command.PerCall):0.##} ({string.Join(", ", perCall.Select(command => $"{command.Command} {command.PerCall:0.##}"))})");

    // Lines such as cmdstat_zadd:calls=22,usec=40,usec_per_call=1.82,rejected_calls=0,failed_calls=0.
    private static async Task<Dictionary<string, long>> CallsByCommandAsync(IServer server)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in (await server.InfoAsync("commandstats")).SelectMany(section => section))
        {
            var calls = entry.Value.Split(',').First(field => field.StartsWith("calls=", StringComparison.Ordinal));
            counts[entry.Key["cmdstat_".Length..]] = long.Parse(calls["calls=".Length..], CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
