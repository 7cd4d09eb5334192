using System.Globalization;
using System.Text.Json;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Repositories.Scripts;
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
/// <item><c>allocations:{id}:ledger</c>: hash of what changes: <c>state</c> (PROPOSED, ACTIVE, RELEASED),
/// <c>amount_units</c>/<c>amount_nanos</c>, <c>undisbursed_units</c>/<c>undisbursed_nanos</c>,
/// <c>etag</c>, <c>release_time</c> (Unix ms, once released).</item>
/// <item><c>allocations:index</c>, <c>requests:{request}:allocations</c> and
/// <c>donors:{donor}:allocations</c>: sorted sets of allocation ids, score 0 (lexicographic =
/// creation order): all, per assistance request, per donor.</item>
/// <item><c>requests:{request}:funding-closures</c>: set of the closure ids of the withdrawals
/// that closed the request to funding; while it has one, no allocation to the request succeeds
/// (<see cref="CloseRequestAsync"/>).</item>
/// <item><c>allocations:request-ids:{scope}</c>: the id an allocation with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// <item><c>disbursements:{id}</c>: a disbursement, JSON (<see cref="StoredDisbursement"/>);
/// <c>allocations:{id}:disbursements</c>: sorted set of its ids;
/// <c>disbursements:request-ids:{scope}</c>.</item>
/// </list>
/// Every write that moves money is one Lua script that checks the balance and writes, so parallel
/// calls can neither overdraw a pledge or an allocation nor lose an update. The pledge's ledger
/// (<see cref="RedisPledgeRepository"/>) is changed here by the same scripts, and each of them
/// appends an entry to the pledge's ledger chain (<see cref="PledgeLedgerChain"/>): allocations,
/// releases and disbursements alike.
/// </summary>
public sealed class RedisAllocationRepository(RedisKeyspace keyspace, PledgeLedgerChain chain)
{
    /// <summary>Allocations read (and, in the backfill, indexed) at a time when walking all of them.</summary>
    private const int PageSize = 500;

    private static readonly RedisKey Index = "allocations:index";

    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredAllocation> allocations = new(keyspace, FundingJsonContext.Default.StoredAllocation);
    private readonly RedisJsonStore<StoredDisbursement> disbursements = new(keyspace, FundingJsonContext.Default.StoredDisbursement);

    /// <summary>The allocation an earlier call of <paramref name="create"/> made, if any.</summary>
    public Task<string?> FindEarlierAsync(IdempotentCreate? create) => EarlierCreates.FindAsync(database, "allocations", create);

    /// <param name="proposed">True to hold the money as a PROPOSED allocation until the requesting state accepts.</param>
    /// <param name="budgetEntries">What the request adds to its donors' budget sums (<see cref="DonorBudgets.EntriesOf"/>), stored the first time money reaches it.</param>
    public async Task<AllocateOutcome> AllocateAsync(StoredAllocation allocation, bool proposed, string budgetEntries, IdempotentCreate? create, DateTimeOffset now)
    {
        var idempotencyKey = create?.KeyIn("allocations");
        var amount = allocation.Amount;
        var etag = Etags.New();
        var state = proposed ? State.Proposed : State.Active;
        var reply = await chain.AppendAsync(allocation.DonorId, allocation.PledgeId, proposed ? LedgerEvent.Propose : LedgerEvent.Allocate,
            FundingNames.Allocation.Format(allocation.Id),
            amount, now, (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.AllocationAllocate,
            [
                RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId), KeyOf(allocation.Id), LedgerKeyOf(allocation.Id), Index,
                RequestIndexOf(allocation.RequestId), DonorIndexOf(allocation.DonorId), chainKey, ClosuresOf(allocation.RequestId),
                .. TotalsAndFundedKeysOf(allocation), .. idempotencyKey is { } key ? new[] { key } : [],
            ],
            [
                allocation.Id, JsonSerializer.SerializeToUtf8Bytes(allocation, FundingJsonContext.Default.StoredAllocation),
                amount.UnitsText, amount.NanosText, Negated(amount.Units), Negated(amount.Nanos), Etags.New(), etag, now.ToUnixTimeMilliseconds(),
                proposed ? "PROPOSED" : "ACTIVE", .. chainArguments, ReportTotals.GroupsOf(allocation), allocation.RequestId, allocation.DonorId,
                budgetEntries, create?.Fingerprint ?? "",
            ]));
        return reply.Status switch
        {
            "CREATED" => new AllocateOutcome.Created(
                new AllocationRecord(allocation, new AllocationLedger(state, amount, amount, etag, null)), AmountAt(reply, 0)),
            "EXISTING" => new AllocateOutcome.AlreadyCreated(reply.Text(0)),
            "MISSING" => new AllocateOutcome.PledgeMissing(),
            "CANCELLED" => new AllocateOutcome.PledgeCancelled(),
            "NOT_COMMITTED" => new AllocateOutcome.PledgeNotCommitted(RedisPledgeRepository.ParseState(reply.Text(0))),
            "CLOSED" => new AllocateOutcome.RequestClosed(),
            "INSUFFICIENT" => new AllocateOutcome.InsufficientBalance(AmountAt(reply, 0)),
            _ => throw reply.Unexpected("allocation"),
        };
    }

    /// <param name="proposedOnly">True to release a PROPOSED allocation only, refusing an ACTIVE one.</param>
    public async Task<ReleaseOutcome> ReleaseAsync(StoredAllocation allocation, string expectedEtag, bool proposedOnly, DateTimeOffset now)
    {
        var reply = await chain.AppendAsync(allocation.DonorId, allocation.PledgeId, LedgerEvent.Release, FundingNames.Allocation.Format(allocation.Id),
            allocation.Amount, now, (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.AllocationRelease,
                [LedgerKeyOf(allocation.Id), RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId), chainKey, .. TotalsAndFundedKeysOf(allocation)],
                [expectedEtag, Etags.New(), Etags.New(), now.ToUnixTimeMilliseconds(), proposedOnly ? "1" : "0", .. chainArguments,
                    ReportTotals.GroupsOf(allocation), allocation.RequestId, allocation.DonorId]));
        return reply.Status switch
        {
            "RELEASED" => new ReleaseOutcome.Released(ReadLedger(RedisPledgeRepository.ToHashEntries(reply.Values))),
            "MISSING" => new ReleaseOutcome.Missing(),
            "STALE" => new ReleaseOutcome.EtagMismatch(),
            "STATE" => new ReleaseOutcome.WrongState(ParseState(reply.Text(0))),
            "DISBURSED" => new ReleaseOutcome.HasDisbursements(allocation.Amount - AmountAt(reply, 0)),
            _ => throw reply.Unexpected("release"),
        };
    }

    /// <summary>
    /// Makes a PROPOSED allocation ACTIVE, unless its request was closed to funding since: one
    /// script with the closure check, as allocating is.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(StoredAllocation allocation, DateTimeOffset now)
    {
        var reply = await chain.AppendAsync(allocation.DonorId, allocation.PledgeId, LedgerEvent.Confirm, FundingNames.Allocation.Format(allocation.Id),
            allocation.Amount, now, (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.AllocationConfirm,
                [LedgerKeyOf(allocation.Id), RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId), chainKey, ClosuresOf(allocation.RequestId), .. TotalsAndFundedKeysOf(allocation)],
                [Etags.New(), Etags.New(), now.ToUnixTimeMilliseconds(), .. chainArguments, ReportTotals.GroupsOf(allocation), allocation.RequestId,
                    allocation.DonorId]));
        return reply.Status switch
        {
            "CONFIRMED" => new ConfirmOutcome.Confirmed(ReadLedger(RedisPledgeRepository.ToHashEntries(reply.Values))),
            "MISSING" => new ConfirmOutcome.Missing(),
            "STATE" => new ConfirmOutcome.WrongState(ParseState(reply.Text(0))),
            "CLOSED" => new ConfirmOutcome.RequestClosed(),
            _ => throw reply.Unexpected("confirmation"),
        };
    }

    /// <summary>
    /// Closes the request to funding under <paramref name="closureId"/>, unless an ACTIVE
    /// allocation to it still holds money not paid out: one script, so that an allocation that got
    /// in first makes this refuse, and one that comes after is refused (allocation-allocate.lua).
    /// A closed request leaves its donors' budget sums (<see cref="DonorBudgets"/>) in the same step.
    /// </summary>
    public async Task<CloseRequestOutcome> CloseRequestAsync(string requestId, string closureId)
    {
        var reply = await ScriptReply.RunScriptAsync(database, FundingScripts.RequestFundingClose,
            [RequestIndexOf(requestId), ClosuresOf(requestId), DonorBudgets.FundingDonorsOf(requestId), DonorBudgets.EntriesKeyOf(requestId)],
            [closureId, keyspace.Prefix + "allocations:", keyspace.Prefix, requestId]);
        return reply.Status switch
        {
            "CLOSED" => new CloseRequestOutcome.Closed(),
            "ALLOCATED" => new CloseRequestOutcome.MoneyAllocated(int.Parse(reply.Text(0), CultureInfo.InvariantCulture)),
            _ => throw reply.Unexpected("request funding close"),
        };
    }

    /// <summary>
    /// Takes back the closure <paramref name="closureId"/>; the request takes allocations again, and
    /// is back in its donors' budget sums, when no other closure holds it.
    /// </summary>
    public Task ReopenRequestAsync(string requestId, string closureId) =>
        ScriptReply.RunScriptAsync(database, FundingScripts.RequestFundingReopen,
            [ClosuresOf(requestId), DonorBudgets.FundingDonorsOf(requestId), DonorBudgets.EntriesKeyOf(requestId)], [closureId, keyspace.Prefix, requestId]);

    /// <param name="allocation">The allocation <paramref name="disbursement"/> pays out of; its pledge's chain records it.</param>
    public async Task<DisburseOutcome> DisburseAsync(StoredDisbursement disbursement, StoredAllocation allocation, IdempotentCreate? create)
    {
        var idempotencyKey = create?.KeyIn("disbursements");
        var amount = new Amount(disbursement.Units, disbursement.Nanos);
        var reply = await chain.AppendAsync(allocation.DonorId, allocation.PledgeId, LedgerEvent.Disburse,
            FundingNames.Disbursement.Format(allocation.Id, disbursement.Id), amount, disbursement.CreateTime,
            (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.AllocationDisburse,
            [
                LedgerKeyOf(disbursement.AllocationId), DisbursementKeyOf(disbursement.Id), DisbursementIndexOf(disbursement.AllocationId),
                RedisPledgeRepository.LedgerKeyOf(allocation.PledgeId), chainKey, .. ReportTotals.KeysOf(allocation), .. idempotencyKey is { } key ? new[] { key } : [],
            ],
            [
                disbursement.Id, JsonSerializer.SerializeToUtf8Bytes(disbursement, FundingJsonContext.Default.StoredDisbursement),
                amount.UnitsText, amount.NanosText, Negated(amount.Units), Negated(amount.Nanos), Etags.New(), .. chainArguments,
                ReportTotals.GroupsOf(allocation), create?.Fingerprint ?? "",
            ]));
        return reply.Status switch
        {
            "CREATED" => new DisburseOutcome.Created(AmountAt(reply, 0)),
            "EXISTING" => new DisburseOutcome.AlreadyCreated(reply.Text(0)),
            "MISSING" => new DisburseOutcome.AllocationMissing(),
            "STATE" => new DisburseOutcome.WrongState(ParseState(reply.Text(0))),
            "EXCEEDS" => new DisburseOutcome.ExceedsAllocation(AmountAt(reply, 0)),
            _ => throw reply.Unexpected("disbursement"),
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
    /// of both. With both, the request's allocations (few) are walked and the donor's kept until
    /// the page is full or the request has no more, so no page is short while a next one exists.
    /// </summary>
    public async Task<(IReadOnlyList<AllocationRecord> Items, string? LastId)> ListAsync(
        string? requestId, string? donorId, int pageSize, string? afterId)
    {
        if (requestId is null || donorId is null)
        {
            var index = requestId is not null ? RequestIndexOf(requestId) : donorId is not null ? DonorIndexOf(donorId) : Index;
            var (documents, lastId) = await allocations.ListNewestFirstAsync(index, KeyOf, pageSize, afterId);
            return (await WithLedgersAsync(documents), lastId);
        }

        var kept = new List<StoredAllocation>(pageSize + 1);
        var walkedTo = afterId;
        do
        {
            var (documents, lastId) = await allocations.ListNewestFirstAsync(RequestIndexOf(requestId), KeyOf, PageSize, walkedTo);
            kept.AddRange(documents.Where(document => document.DonorId == donorId));
            walkedTo = lastId;
        }
        while (walkedTo is not null && kept.Count <= pageSize);

        var page = kept.Take(pageSize).ToList();
        return (await WithLedgersAsync(page), kept.Count > pageSize ? page[^1].Id : null);
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

    /// <summary>The oldest allocation of each request (the lowest id of its index), or null for a request with none.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> OldestAllocationOfAsync(IReadOnlyCollection<string> requestIds)
    {
        var oldest = await Task.WhenAll(requestIds.Select(async requestId =>
            (requestId, Id: (await database.SortedSetRangeByRankAsync(RequestIndexOf(requestId), 0, 0)).Select(id => (string?)id).FirstOrDefault())));
        return oldest.ToDictionary(pair => pair.requestId, pair => pair.Id, StringComparer.Ordinal);
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

    /// <summary>The totals an allocation's money is in, then its donor's funded requests and budget sums (the scripts' order).</summary>
    private static RedisKey[] TotalsAndFundedKeysOf(StoredAllocation allocation) =>
        [.. ReportTotals.KeysOf(allocation), .. FundedKeysOf(allocation.DonorId, allocation.RequestId)];

    /// <summary>
    /// The keys of <c>budget_sync</c> (totals-functions.lua) for a donor and a request: the donor's
    /// funded requests and their counts, the request's funding donors, the donor's budgeted
    /// requests and budget sums, the request's budget entries and closures.
    /// </summary>
    internal static RedisKey[] FundedKeysOf(string donorId, string requestId) =>
    [
        ReportTotals.FundedRequestsOf(donorId), ReportTotals.FundedCountsOf(donorId), DonorBudgets.FundingDonorsOf(requestId),
        DonorBudgets.BudgetedRequestsOf(donorId), DonorBudgets.SumsOf(donorId), DonorBudgets.EntriesKeyOf(requestId), ClosuresOf(requestId),
    ];

    private static RedisKey KeyOf(string id) => $"allocations:{id}";

    internal static RedisKey LedgerKeyOf(string id) => $"allocations:{id}:ledger";

    internal static RedisKey RequestIndexOf(string requestId) => $"requests:{requestId}:allocations";

    internal static RedisKey ClosuresOf(string requestId) => $"requests:{requestId}:funding-closures";

    private static RedisKey DonorIndexOf(string donorId) => $"donors:{donorId}:allocations";

    private static RedisKey DisbursementKeyOf(string id) => $"disbursements:{id}";

    private static RedisKey DisbursementIndexOf(string allocationId) => $"allocations:{allocationId}:disbursements";

    private static string Negated(long value) => (-value).ToString(CultureInfo.InvariantCulture);

    private static Amount AmountAt(ScriptReply reply, int index) => Amount.Parse(reply.Text(index), reply.Text(index + 1));

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
        "PROPOSED" => State.Proposed,
        "RELEASED" => State.Released,
        _ => throw new InvalidOperationException($"Unknown allocation state '{state}' in Redis."),
    };
}
