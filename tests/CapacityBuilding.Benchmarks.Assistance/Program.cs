using CapacityBuilding.Benchmarks.Assistance;

// List page latency at 1,000 and then 100,000 stored requests, on one redis-server and one
// assistance process of the benchmark's own. Counts can be given: `-- 1000 100000`.
int[] sizes = args.Length > 0 ? [.. args.Select(int.Parse)] : [1_000, 100_000];
await using var bench = await ListLatencyBenchmark.StartAsync();
var warm = false;
foreach (var size in sizes)
{
    await bench.SeedUpToAsync(size);
    if (!warm)
    {
        // One unprinted pass first, so the first figures do not include the JIT's tiering.
        await bench.MeasureAsync(size, print: false);
        warm = true;
    }

    await bench.MeasureAsync(size);
}
