using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Fills Redis with funded, published requests for the IATI export (case 14) by pipelined writes
/// of the keys the repositories document: per request, a copy of a request the assistance service
/// stored (approved, its state's consent given) under a new id in <c>assistance:requests:{id}</c>
/// and <c>assistance:requests:index</c> with a copy of its outcome (<c>:outcomes:{outcome}</c> and
/// the <c>:outcomes</c> index), and a copy of an allocation the funding service made to
/// it (<c>funding:allocations:{id}</c> and its <c>:ledger</c> hash) under a new id, in
/// <c>funding:allocations:index</c>, <c>funding:requests:{request}:allocations</c> and
/// <c>funding:donors:{donor}:allocations</c>. The services read them exactly as their own.
/// </summary>
internal sealed class FundedRequestSeeder(IConnectionMultiplexer redis, string templateRequestId, string templateOutcomeId, string templateAllocationId, string donorId)
{
    private const int Batch = 5_000;
    private static readonly RedisKey AllocationIndex = "funding:allocations:index";

    private readonly IDatabase database = redis.GetDatabase();

    /// <summary>Adds funded requests until <paramref name="target"/> allocations are stored (one each, with the template's).</summary>
    public async Task SeedUntilAsync(long target)
    {
        var request = (string?)await database.StringGetAsync($"assistance:requests:{templateRequestId}")
            ?? throw new InvalidOperationException($"Template request {templateRequestId} is not stored.");
        var outcome = (string?)await database.StringGetAsync($"assistance:requests:{templateRequestId}:outcomes:{templateOutcomeId}")
            ?? throw new InvalidOperationException($"Template outcome {templateOutcomeId} is not stored.");
        var allocation = (string?)await database.StringGetAsync($"funding:allocations:{templateAllocationId}")
            ?? throw new InvalidOperationException($"Template allocation {templateAllocationId} is not stored.");
        var ledger = await database.HashGetAllAsync($"funding:allocations:{templateAllocationId}:ledger");
        var missing = target - await database.SortedSetLengthAsync(AllocationIndex);
        for (long done = 0; done < missing; done += Batch)
        {
            var batch = database.CreateBatch();
            var writes = new List<Task>(9 * Batch);
            for (var i = 0; i < Math.Min(Batch, missing - done); i++)
            {
                var (requestId, allocationId) = (ResourceIds.New(), ResourceIds.New());
                writes.Add(batch.StringSetAsync($"assistance:requests:{requestId}", request.Replace(templateRequestId, requestId, StringComparison.Ordinal)));
                writes.Add(batch.SortedSetAddAsync("assistance:requests:index", requestId, 0));
                writes.Add(batch.StringSetAsync($"assistance:requests:{requestId}:outcomes:{templateOutcomeId}", outcome.Replace(templateRequestId, requestId, StringComparison.Ordinal)));
                writes.Add(batch.SortedSetAddAsync($"assistance:requests:{requestId}:outcomes", templateOutcomeId, 0));
                writes.Add(batch.StringSetAsync($"funding:allocations:{allocationId}", allocation
                    .Replace(templateAllocationId, allocationId, StringComparison.Ordinal)
                    .Replace(templateRequestId, requestId, StringComparison.Ordinal)));
                writes.Add(batch.HashSetAsync($"funding:allocations:{allocationId}:ledger", ledger));
                writes.Add(batch.SortedSetAddAsync(AllocationIndex, allocationId, 0));
                writes.Add(batch.SortedSetAddAsync($"funding:requests:{requestId}:allocations", allocationId, 0));
                writes.Add(batch.SortedSetAddAsync($"funding:donors:{donorId}:allocations", allocationId, 0));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }
    }
}
