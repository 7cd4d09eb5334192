using CapacityBuilding.Benchmarks.Funding;

// Allocations per second: many callers on one pledge (every call contends for the same Redis
// key) and the same callers spread over many pledges. Usage: [allocations] [concurrency].
var allocations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;

await using var suite = await BenchmarkSuite.StartAsync();
var benchmark = new AllocationBenchmark(suite);
Console.WriteLine($"{allocations} allocations of 1.00 USD, {concurrency} concurrent callers, {Environment.ProcessorCount} cores, straight to the funding process");
await benchmark.WarmUpAsync();

// Two rounds, alternating, so that neither scenario gains from running second (JIT tiering, pools).
for (var round = 1; round <= 2; round++)
{
    Console.WriteLine((await benchmark.RunAsync($"round {round}: one pledge (contended)", allocations, concurrency, pledgeCount: 1)).Format());
    Console.WriteLine((await benchmark.RunAsync($"round {round}: 1,000 pledges", allocations, concurrency, pledgeCount: 1_000)).Format());
}
