using System.Globalization;
using System.Text.Json;
using CapacityBuilding.Funding.Allocations;
using CapacityBuilding.Funding.Disbursements;
using CapacityBuilding.Funding.Money;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Allocations and their disbursements in Redis. Keys, all under the service's <c>funding:</c>
/// prefix:
/// <list type="bullet">
/// <item><c>allocations:{id}</c>: the allocation's fixed terms, JSON (<see cref="StoredAllocation"/>).</item>
/// <item><c>allocations:{id}:ledger</c>: hash of what changes: <c>state</c> (ACTIVE, RELEASED),
/// <c>amount_units</c>/<c>amount_nanos</c>, <c>undisbursed_units</c>/<c>undisbursed_nanos</c>,
/// <c>etag</c>, <c>release_time</c> (Unix ms, once released).</item>
/// <item><c>allocations:index</c>, <c>requests:{request}:allocations</c> and
/// <c>donors:{donor}:allocations</c>: sorted sets of allocation ids, score 0 (lexicographic =
/// creation order): all, per assistance request, per donor.</item>
/// <item><c>allocations:idempotency:{request_id}</c>: the id an allocation with that request id made.</item>
/// <item><c>disbursements:{id}</c>: a disbursement, JSON (<see cref="StoredDisbursement"/>);
/// <c>allocations:{id}:disbursements</c>: sorted set of its ids;
/// <c>disbursements:idempotency:{request_id}</c>.</item>
/// </list>
/// Every write that moves money is one Lua script that checks the balance and writes, so parallel
/// calls can neither overdraw a pledge or an allocation nor lose an update. The pledge's ledger
/// (<see cref="RedisPledgeRepository"/>) is changed here by the same scripts.
/// </summary>
public sealed class RedisAllocationRepository(RedisKeyspace keyspace)
{
    /// <summary>Allocations read (and, in the backfill, indexed) at a time when walking all of them.</summary>
    private const int PageSize = 500;

    private static readonly RedisKey Index = "allocations:index";

    // KEYS[1] pledge ledger, KEYS[2] allocation document, KEYS[3] allocation ledger, KEYS[4] index,
    // KEYS[5] request index, KEYS[6] donor index, KEYS[7] idempotency key (optional).
    // ARGV[1] id, ARGV[2] document JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] -units, ARGV[6] -nanos,
    // ARGV[7] new pledge etag, ARGV[8] allocation etag, ARGV[9] time (Unix ms).
    private const string AllocateScript = LedgerLua.Functions + """
        if #KEYS == 7 then
          local existing = redis.call('GET', KEYS[7])
          if existing then return {'EXISTING', existing} end
        end
        local pledge = KEYS[1]
        local state = redis.call('HGET', pledge, 'state')
        if not state then return {'MISSING'} end
        if state == 'CANCELLED' then return {'CANCELLED'} end
        local remaining = redis.call('HMGET', pledge, 'remaining_units', 'remaining_nanos')
        if not amount_ge(remaining[1], remaining[2], ARGV[3], ARGV[4]) then
          return {'INSUFFICIENT', remaining[1], remaining[2]}
        end
        if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('DUPLICATE_ID') end
        amount_sub(pledge, 'remaining_units', 'remaining_nanos', ARGV[5], ARGV[6])
        redis.call('HSET', pledge, 'etag', ARGV[7], 'update_time', ARGV[9])
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('HSET', KEYS[3], 'state', 'ACTIVE', 'amount_units', ARGV[3], 'amount_nanos', ARGV[4],
          'undisbursed_units', ARGV[3], 'undisbursed_nanos', ARGV[4], 'etag', ARGV[8])
        redis.call('ZADD', KEYS[4], 0, ARGV[1])
        redis.call('ZADD', KEYS[5], 0, ARGV[1])
        redis.call('ZADD', KEYS[6], 0, ARGV[1])
        if #KEYS == 7 then redis.call('SET', KEYS[7], ARGV[1]) end
        local after = redis.call('HMGET', pledge, 'remaining_units', 'remaining_nanos')
        return {'CREATED', after[1], after[2]}
        """;

    // KEYS[1] allocation ledger, KEYS[2] pledge ledger.
    // ARGV[1] expected etag ('' for any), ARGV[2] new allocation etag, ARGV[3] new pledge etag, ARGV[4] time.
    private const string ReleaseScript = LedgerLua.Functions + """
        local allocation = KEYS[1]
        local state = redis.call('HGET', allocation, 'state')
        if not state then return {'MISSING'} end
        if ARGV[1] ~= '' and ARGV[1] ~= redis.call('HGET', allocation, 'etag') then return {'ABORTED'} end
        if state ~= 'ACTIVE' then return {'STATE', state} end
        local l = redis.call('HMGET', allocation, 'amount_units', 'amount_nanos', 'undisbursed_units', 'undisbursed_nanos')
        if l[1] ~= l[3] or l[2] ~= l[4] then return {'DISBURSED', l[3], l[4]} end
        amount_add(KEYS[2], 'remaining_units', 'remaining_nanos', l[1], l[2])
        redis.call('HSET', KEYS[2], 'etag', ARGV[3], 'update_time', ARGV[4])
        redis.call('HSET', allocation, 'state', 'RELEASED', 'etag', ARGV[2], 'release_time', ARGV[4])
        local result = redis.call('HGETALL', allocation)
        table.insert(result, 1, 'RELEASED')
        return result
        """;

    // KEYS[1] allocation ledger, KEYS[2] disbursement document, KEYS[3] the allocation's
    // disbursement index, KEYS[4] idempotency key (optional).
    // ARGV[1] id, ARGV[2] JSON, ARGV[3] units, ARGV[4] nanos, ARGV[5] -units, ARGV[6] -nanos, ARGV[7] new allocation etag.
    private const string DisburseScript = LedgerLua.Functions + """
        if #KEYS == 4 then
          local existing = redis.call('GET', KEYS[4])
          if existing then return {'EXISTING', existing} end
        end
        local allocation = KEYS[1]
        local state = redis.call('HGET', allocation, 'state')
        if not state then return {'MISSING'} end
        if state ~= 'ACTIVE' then return {'STATE', state} end
        local undisbursed = redis.call('HMGET', allocation, 'undisbursed_units', 'undisbursed_nanos')
        if not amount_ge(undisbursed[1], undisbursed[2], ARGV[3], ARGV[4]) then
          return {'EXCEEDS', undisbursed[1], undisbursed[2]}
        end
        if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('DUPLICATE_ID') end
        amount_sub(allocation, 'undisbursed_units', 'undisbursed_nanos', ARGV[5], ARGV[6])
        redis.call('HSET', allocation, 'etag', ARGV[7])
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('ZADD', KEYS[3], 0, ARGV[1])
        if #KEYS == 4 then redis.call('SET', KEYS[4], ARGV[1]) end
        local after = redis.call('HMGET', allocation, 'undisbursed_units', 'undisbursed_nanos')
        return {'CREATED', after[1], after[2]}
        """;

    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredAllocation> allocations = new(keyspace, FundingJsonContext.Default.StoredAllocation);
    private readonly RedisJsonStore<StoredDisbursement> disbursements = new(keyspace, FundingJsonContext.Default.StoredDisbursement);

    /// <summary>The allocation an earlier call with this request id made, if any.</summary>
    public async Task<string?> FindByRequestIdAsync(string requestId) =>
        IdempotencyKeys.Of("allocations", requestId) is { } key ? (string?)await database.StringGetAsync(key) : null;

    public async Task<AllocateResult> AllocateAsync(StoredAllocation allocation, string requestId, DateTimeOffset now)
    {
        var idempotencyKey = IdempotencyKeys.Of("allocations", requestId);
        RedisKey[] keys =
        [
            RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId), KeyOf(allocation.Id), LedgerKeyOf(allocation.Id), Index,
            RequestIndexOf(allocation.RequestId), DonorIndexOf(allocation.DonorId), .. idempotencyKey is { } key ? new[] { key } : [],
        ];
        var amount = allocation.Amount;
        var etag = Etags.New();
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(AllocateScript, keys,
        [
            allocation.Id, JsonSerializer.SerializeToUtf8Bytes(allocation, FundingJsonContext.Default.StoredAllocation),
            amount.UnitsText, amount.NanosText, Negated(amount.Units), Negated(amount.Nanos), Etags.New(), etag, now.ToUnixTimeMilliseconds(),
        ]))!;
        return (string)reply[0]! switch
        {
            "CREATED" => new AllocateResult.Created(
                new AllocationRecord(allocation, new AllocationLedger(State.Active, amount, amount, etag, null)), AmountAt(reply, 1)),
            "EXISTING" => new AllocateResult.AlreadyCreated((string)reply[1]!),
            "MISSING" => new AllocateResult.PledgeMissing(),
            "CANCELLED" => new AllocateResult.PledgeCancelled(),
            "INSUFFICIENT" => new AllocateResult.InsufficientBalance(AmountAt(reply, 1)),
            var other => throw new InvalidOperationException($"Unexpected reply '{other}' from the allocation script."),
        };
    }

    public async Task<ReleaseResult> ReleaseAsync(StoredAllocation allocation, string expectedEtag, DateTimeOffset now)
    {
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(ReleaseScript,
            [LedgerKeyOf(allocation.Id), RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId)],
            [expectedEtag, Etags.New(), Etags.New(), now.ToUnixTimeMilliseconds()]))!;
        return (string)reply[0]! switch
        {
            "RELEASED" => new ReleaseResult.Released(ReadLedger(RedisPledgeRepository.ToHashEntries(reply.Skip(1)))),
            "MISSING" => new ReleaseResult.Missing(),
            "ABORTED" => new ReleaseResult.EtagMismatch(),
            "STATE" => new ReleaseResult.WrongState(ParseState((string)reply[1]!)),
            "DISBURSED" => new ReleaseResult.HasDisbursements(allocation.Amount - AmountAt(reply, 1)),
            var other => throw new InvalidOperationException($"Unexpected reply '{other}' from the release script."),
        };
    }

    public async Task<DisburseResult> DisburseAsync(StoredDisbursement disbursement, string requestId)
    {
        var idempotencyKey = IdempotencyKeys.Of("disbursements", requestId);
        RedisKey[] keys =
        [
            LedgerKeyOf(disbursement.AllocationId), DisbursementKeyOf(disbursement.Id), DisbursementIndexOf(disbursement.AllocationId),
            .. idempotencyKey is { } key ? new[] { key } : [],
        ];
        var amount = new Amount(disbursement.Units, disbursement.Nanos);
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(DisburseScript, keys,
        [
            disbursement.Id, JsonSerializer.SerializeToUtf8Bytes(disbursement, FundingJsonContext.Default.StoredDisbursement),
            amount.UnitsText, amount.NanosText, Negated(amount.Units), Negated(amount.Nanos), Etags.New(),
        ]))!;
        return (string)reply[0]! switch
        {
            "CREATED" => new DisburseResult.Created(AmountAt(reply, 1)),
            "EXISTING" => new DisburseResult.AlreadyCreated((string)reply[1]!),
            "MISSING" => new DisburseResult.AllocationMissing(),
            "STATE" => new DisburseResult.WrongState(ParseState((string)reply[1]!)),
            "EXCEEDS" => new DisburseResult.ExceedsAllocation(AmountAt(reply, 1)),
            var other => throw new InvalidOperationException($"Unexpected reply '{other}' from the disbursement script."),
        };
    }

    public async Task<AllocationRecord?> GetAsync(string id)
    {
        var documentTask = allocations.GetAsync(KeyOf(id));
        var ledgerTask = database.HashGetAllAsync(LedgerKeyOf(id));
        var document = await documentTask;
        var ledger = await ledgerTask;
        return document is null || ledger.Length == 0 ? null : new AllocationRecord(document, ReadLedger(ledger));
    }

    /// <summary>
    /// A page of allocations, newest first: all, those of one assistance request, of one donor, or
    /// of both. With both, the request's few allocations are read and the donor's kept, so such a
    /// page may hold fewer than <paramref name="pageSize"/>.
    /// </summary>
    public async Task<(IReadOnlyList<AllocationRecord> Items, string? LastId)> ListAsync(
        string? requestId, string? donorId, int pageSize, string? afterId)
    {
        var index = requestId is not null ? RequestIndexOf(requestId) : donorId is not null ? DonorIndexOf(donorId) : Index;
        var (documents, lastId) = await allocations.ListNewestFirstAsync(index, KeyOf, pageSize, afterId);
        var kept = requestId is not null && donorId is not null
            ? [.. documents.Where(document => document.DonorId == donorId)]
            : documents;
        return (await WithLedgersAsync(kept), lastId);
    }

    /// <summary>
    /// Adds every stored allocation to its donor's index (<c>donors:{donor}:allocations</c>);
    /// allocations made before that index existed are otherwise missing from it. Idempotent.
    /// Returns how many allocations it saw. The additions of a page go out together, not one
    /// round trip per allocation.
    /// </summary>
    public async Task<int> IndexByDonorAsync()
    {
        var count = 0;
        var pending = new List<Task<bool>>(PageSize);
        await foreach (var allocation in AllAsync())
        {
            pending.Add(database.SortedSetAddAsync(DonorIndexOf(allocation.Allocation.DonorId), allocation.Allocation.Id, 0));
            count++;
            if (pending.Count == PageSize)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        return count;
    }

    /// <summary>Every allocation (for summaries and the export), read page by page.</summary>
    public async IAsyncEnumerable<AllocationRecord> AllAsync(string? requestId = null)
    {
        string? afterId = null;
        do
        {
            var (items, lastId) = await ListAsync(requestId, null, PageSize, afterId);
            foreach (var item in items)
            {
                yield return item;
            }

            afterId = lastId;
        }
        while (afterId is not null);
    }

    public Task<StoredDisbursement?> GetDisbursementAsync(string id) => disbursements.GetAsync(DisbursementKeyOf(id));

    public Task<(IReadOnlyList<StoredDisbursement> Items, string? LastId)> ListDisbursementsAsync(string allocationId, int pageSize, string? afterId) =>
        disbursements.ListNewestFirstAsync(DisbursementIndexOf(allocationId), DisbursementKeyOf, pageSize, afterId);

    /// <summary>Every disbursement of these allocations: their indexes read together, then one MGET.</summary>
    public async Task<IReadOnlyList<StoredDisbursement>> AllDisbursementsAsync(IEnumerable<string> allocationIds)
    {
        var idLists = await Task.WhenAll(allocationIds.Select(id => database.SortedSetRangeByRankAsync(DisbursementIndexOf(id))));
        var documents = await disbursements.GetManyAsync([.. idLists.SelectMany(ids => ids).Select(id => DisbursementKeyOf((string)id!))]);
        return [.. documents.OfType<StoredDisbursement>()];
    }

    private async Task<IReadOnlyList<AllocationRecord>> WithLedgersAsync(IReadOnlyList<StoredAllocation> documents)
    {
        var ledgers = await Task.WhenAll(documents.Select(document => database.HashGetAllAsync(LedgerKeyOf(document.Id))));
        return [.. documents.Zip(ledgers, (document, ledger) => new AllocationRecord(document, ReadLedger(ledger)))];
    }

    private static RedisKey KeyOf(string id) => $"allocations:{id}";

    private static RedisKey LedgerKeyOf(string id) => $"allocations:{id}:ledger";

    private static RedisKey RequestIndexOf(string requestId) => $"requests:{requestId}:allocations";

    private static RedisKey DonorIndexOf(string donorId) => $"donors:{donorId}:allocations";

    private static RedisKey DisbursementKeyOf(string id) => $"disbursements:{id}";

    private static RedisKey DisbursementIndexOf(string allocationId) => $"allocations:{allocationId}:disbursements";

    private static string Negated(long value) => (-value).ToString(CultureInfo.InvariantCulture);

    private static Amount AmountAt(RedisResult[] reply, int index) => Amount.Parse((string)reply[index]!, (string)reply[index + 1]!);

    private static AllocationLedger ReadLedger(HashEntry[] entries)
    {
        var fields = entries.ToDictionary(entry => (string)entry.Name!, entry => (string)entry.Value!, StringComparer.Ordinal);
        return new AllocationLedger(
            ParseState(fields["state"]),
            Amount.Parse(fields["amount_units"], fields["amount_nanos"]),
            Amount.Parse(fields["undisbursed_units"], fields["undisbursed_nanos"]),
            fields["etag"],
            fields.TryGetValue("release_time", out var releaseTime)
                ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(releaseTime, CultureInfo.InvariantCulture))
                : null);
    }

    private static State ParseState(string state) => state switch
    {
        "ACTIVE" => State.Active,
        "RELEASED" => State.Released,
        _ => throw new InvalidOperationException($"Unknown allocation state '{state}' in Redis."),
    };
}
