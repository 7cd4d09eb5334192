using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>The report as a Markdown table (printed, and written with the JSON beside it).</summary>
internal static class ReportWriter
{
    public static string Markdown(BenchmarkReport report)
    {
        var text = new StringBuilder();
        var machine = report.Machine;
        var settings = report.Settings;
        Line(text, $"Benchmark of {report.StartedAt:yyyy-MM-dd HH:mm} UTC on {machine.Cores} cores ({machine.Cpu}), {machine.Os}, {machine.Runtime}.");
        Line(text, $"Load average at start {machine.LoadAverageAtStart}, at end {machine.LoadAverageAtEnd} (other work on the machine skews every figure).");
        Line(text, $"{settings.LoadGenerator}; {settings.Concurrency} calls in flight; {settings.WarmupSeconds:0.#} s warm-up per case, then {settings.Rounds} rounds of {settings.SecondsPerRun:0.#} s per case, cases alternating; medians over rounds.");
        Line(text, "");
        Line(text, "| case | what | path | calls/s | p50 ms | p90 ms | p99 ms | errors | ratio | CPU µs/call | CPU ratio | bytes/call |");
        Line(text, "|---|---|---|---:|---:|---:|---:|---:|---|---:|---|---:|");
        foreach (var result in report.Cases)
        {
            var median = result.Median;
            var ratio = result.Ratio is { } value ? $"{value:0.00} of {result.ComparedWith}" : "";
            var cpu = median.CpuMicrosecondsPerCall is { } perCall ? perCall.ToString("0.0", CultureInfo.InvariantCulture) : "";
            var cpuRatio = result.CpuRatio is { } cpuValue ? $"{cpuValue:0.00} of {result.ComparedWith}" : "";
            var perCallBytes = median.AllocatedBytesPerCall is { } allocated ? allocated.ToString("0", CultureInfo.InvariantCulture) : "";
            Line(text, $"| {result.Id} | {result.Name} | {result.Path} | {median.CallsPerSecond:0} | {median.P50Ms:0.00} | {median.P90Ms:0.00} | {median.P99Ms:0.00} | {median.Errors} | {ratio} | {cpu} | {cpuRatio} | {perCallBytes} |");
        }

        foreach (var pending in report.Pending)
        {
            Line(text, $"| {pending.Id} | {pending.Name} | not measured: {pending.Reason} | | | | | | | | | |");
        }

        GatewayComponentCosts(text, report.Cases);

        if (report.PortalPages.Count > 0)
        {
            Line(text, "");
            Line(text, "Case 11, the portal's pages through the gateway: first load with an empty cache (HTML and every script, stylesheet, image and font it references, br/gzip), and the HTML's time over loopback, one load at a time.");
            Line(text, "");
            Line(text, "| stored | user | page | first load KB | decoded KB | responses | p50 ms | p95 ms | note |");
            Line(text, "|---|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var page in report.PortalPages)
            {
                Line(text, $"| {page.Stored} | {page.User} | {page.Page} | {page.TransferredBytes / 1024.0:0.0} | {page.DecodedBytes / 1024.0:0.0} | {page.Responses} | {page.P50Ms:0.00} | {page.P95Ms:0.00} | {page.Failure} |");
            }
        }

        if (report.IatiExports.Count > 0)
        {
            Line(text, "");
            Line(text, "Case 14, every page of the IATI export (ExportIatiActivities, 500 a page, straight to funding, one page at a time), and the funding process's resident set before the walk and its peak after it.");
            Line(text, "");
            Line(text, "| stored | activities | pages | XML MB | walk s | page p50 ms | page max ms | funding RSS before MiB | funding peak after MiB |");
            Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var walk in report.IatiExports)
            {
                Line(text, $"| {walk.Stored} | {walk.Activities} | {walk.Pages} | {walk.XmlBytes / 1_000_000.0:0.0} | {walk.Seconds:0.0} | {walk.PageP50Ms:0} | {walk.PageMaxMs:0} | {walk.FundingResidentBeforeMebibytes:0} | {walk.FundingPeakAfterMebibytes:0} |");
            }
        }

        Line(text, "");
        Line(text, "| target | value | goal | met |");
        Line(text, "|---|---:|---|---|");
        foreach (var target in report.Targets)
        {
            Line(text, $"| {target.What} | {target.Value:0.00} | {target.Goal} | {(target.Met ? "yes" : "NO")} |");
        }

        Line(text, "");
        if (report.RedisBytesPerStoredRequest is { } bytes)
        {
            Line(text, $"Redis memory per stored request (INFO used_memory before and after seeding): {bytes:0} bytes.");
        }

        if (report.ChainPool is { } pool)
        {
            Line(text, $"Case 6 used {pool.Used} of the {pool.Seeded} requests seeded UNDER_REVIEW (pool sized for {pool.SizedForCallsPerSecond:0} chains/s, --ChainCallsPerSecond).");
        }

        Line(text, "Peak working set (VmHWM): " + string.Join(", ", report.PeakWorkingSets.Select(peak => $"{peak.Process} {peak.PeakMebibytes:0} MiB")) + ".");
        var failing = report.Cases.Where(result => result.Median.Errors > 0).ToList();
        foreach (var result in failing)
        {
            Line(text, $"Case {result.Id} had {result.Median.Errors} failed calls, e.g. {result.Median.FirstError}.");
        }

        return text.ToString();
    }

    /// <summary>Case 12's variants: the gateway's CPU per call on the full route minus on the route without one policy.</summary>
    private static void GatewayComponentCosts(StringBuilder text, IReadOnlyList<CaseResult> cases)
    {
        var full = cases.FirstOrDefault(result => result.Id == Cases.GatewayCostCases.Gateway)?.Median;
        var variants = cases.Where(result => Cases.GatewayCostCases.IsVariant(result.Id) && result.Median.CpuMicrosecondsPerCall is not null).ToList();
        if (full?.CpuMicrosecondsPerCall is not { } fullCpu || variants.Count == 0)
        {
            return;
        }

        Line(text, "");
        Line(text, "What each route policy costs the gateway (CPU µs and bytes allocated per call of case 12 minus those of the variant without it; CPU differences under about 3 µs are within the noise of a shared machine, bytes are not):");
        Line(text, "");
        foreach (var variant in variants)
        {
            var bytes = full.AllocatedBytesPerCall - variant.Median.AllocatedBytesPerCall is { } saved ? FormattableString.Invariant($", {saved:0} bytes") : "";
            Line(text, $"- {variant.Id}: {fullCpu - variant.Median.CpuMicrosecondsPerCall!.Value:0.0} µs{bytes} ({variant.Name})");
        }
    }

    public static async Task<(string Json, string Markdown)> WriteAsync(BenchmarkReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"benchmark-{report.StartedAt:yyyyMMdd-HHmmss}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, ReportJsonContext.Default.BenchmarkReport));
        await File.WriteAllTextAsync(stem + ".md", Markdown(report));
        return (stem + ".json", stem + ".md");
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);
}
