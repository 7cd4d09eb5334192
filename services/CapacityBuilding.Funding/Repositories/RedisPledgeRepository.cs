using System.Globalization;
using System.Text.Json;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Pledges in Redis. Keys, all under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>pledges:{id}</c>: the pledge's fixed terms, JSON (<see cref="StoredPledge"/>); ids are
/// unique across donors, the donor id is inside.</item>
/// <item><c>pledges:{id}:ledger</c>: hash of what changes: <c>state</c> (PLEDGED, COMMITTED,
/// CANCELLED), <c>amount_units</c>/<c>amount_nanos</c>, <c>remaining_units</c>/<c>remaining_nanos</c>
/// (amount minus active and proposed allocations), <c>unpaid_units</c>/<c>unpaid_nanos</c> (amount
/// minus contributions; absent until the first), <c>etag</c>, <c>update_time</c> (Unix ms).
/// Allocation, release and contribution scripts (<see cref="RedisAllocationRepository"/>,
/// <see cref="RedisContributionRepository"/>) change it too.</item>
/// <item><c>pledges:{id}:chain</c>: the pledge's ledger chain (<see cref="PledgeLedgerChain"/>),
/// whose length and head the ledger hash keeps in <c>chain_length</c> and <c>chain_head</c>.</item>
/// <item><c>donors:{donor}:pledges</c>: sorted set of that donor's pledge ids, score 0
/// (lexicographic = creation order).</item>
/// <item><c>pledges:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisPledgeRepository(RedisKeyspace keyspace, PledgeLedgerChain chain)
{
    /// <summary>Pledges read at a time when walking all of them.</summary>
    private const int PageSize = 500;

    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredPledge> store = new(keyspace, FundingJsonContext.Default.StoredPledge);

    /// <summary>Stores the pledge, or returns the one an earlier create with the same request id stored.</summary>
    public async Task<PledgeRecord> CreateAsync(StoredPledge pledge, IdempotentCreate? create, DateTimeOffset now)
    {
        var idempotencyKey = create?.KeyIn("pledges");
        var amount = new Amount(pledge.Units, pledge.Nanos);
        var (chainKey, firstEntry) = PledgeLedgerChain.First(pledge.DonorId, pledge.Id, amount, now);
        RedisKey[] keys =
        [
            KeyOf(pledge.Id), LedgerKeyOf(pledge.Id), DonorIndexOf(pledge.DonorId), chainKey, .. ReportTotals.KeysOf(pledge),
            .. idempotencyKey is { } key ? new[] { key } : [],
        ];
        var json = JsonSerializer.SerializeToUtf8Bytes(pledge, FundingJsonContext.Default.StoredPledge);
        var etag = Etags.New();
        var reply = await ScriptReply.RunScriptAsync(database, FundingScripts.PledgeCreate, keys,
            [pledge.Id, json, amount.UnitsText, amount.NanosText, etag, now.ToUnixTimeMilliseconds(), .. firstEntry, ReportTotals.GroupsOf(pledge), create?.Fingerprint ?? ""]);
        if (reply.Status == "CREATED")
        {
            // As later reads will see it: the ledger keeps update times in whole milliseconds.
            var updateTime = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            return new PledgeRecord(pledge, new PledgeLedger(State.Pledged, amount, amount, etag, updateTime, 1, (string)firstEntry[1]!, Amount.Zero));
        }

        return await GetAsync(reply.Text(0))
            ?? throw new InvalidOperationException($"Idempotency key {idempotencyKey} points at a missing pledge.");
    }

    /// <summary>The pledge, or null when it does not exist or belongs to another donor.</summary>
    public async Task<PledgeRecord?> GetAsync(string donorId, string id)
    {
        var pledge = await GetAsync(id);
        return pledge?.Pledge.DonorId == donorId ? pledge : null;
    }

    public async Task<PledgeRecord?> GetAsync(string id)
    {
        var documentTask = store.GetAsync(KeyOf(id));
        var ledgerTask = database.HashGetAllAsync(LedgerKeyOf(id));
        var document = await documentTask;
        var ledger = await ledgerTask;
        return document is null || ledger.Length == 0 ? null : new PledgeRecord(document, ReadLedger(ledger));
    }

    public async Task<(IReadOnlyList<PledgeRecord> Items, string? LastId)> ListAsync(string donorId, int pageSize, string? afterId)
    {
        var (documents, lastId) = await store.ListNewestFirstAsync(DonorIndexOf(donorId), KeyOf, pageSize, afterId);
        var ledgers = await Task.WhenAll(documents.Select(document => database.HashGetAllAsync(LedgerKeyOf(document.Id))));
        return ([.. documents.Zip(ledgers, (document, ledger) => new PledgeRecord(document, ReadLedger(ledger)))], lastId);
    }

    /// <summary>Every pledge of these donors (for summaries and open needs), read page by page.</summary>
    public async IAsyncEnumerable<PledgeRecord> AllAsync(IEnumerable<string> donorIds)
    {
        foreach (var id in donorIds)
        {
            string? afterId = null;
            do
            {
                var (items, lastId) = await ListAsync(id, PageSize, afterId);
                foreach (var item in items)
                {
                    yield return item;
                }

                afterId = lastId;
            }
            while (afterId is not null);
        }
    }

    /// <summary>Changes the pledge's state in one script, checking etag, state and (to cancel) that nothing is allocated.</summary>
    public async Task<PledgeTransitionOutcome> TransitionAsync(StoredPledge pledge, PledgeTransition transition, string expectedEtag, DateTimeOffset now)
    {
        var commit = transition == PledgeTransition.Commit;
        var reply = await chain.AppendAsync(pledge.DonorId, pledge.Id, commit ? LedgerEvent.PledgeCommit : LedgerEvent.PledgeCancel, "", Amount.Zero, now,
            (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.PledgeTransition, [LedgerKeyOf(pledge.Id), chainKey, .. ReportTotals.KeysOf(pledge)],
                [commit ? "COMMIT" : "CANCEL", expectedEtag, Etags.New(), now.ToUnixTimeMilliseconds(), .. chainArguments, ReportTotals.GroupsOf(pledge)]));
        return reply.Status switch
        {
            "DONE" => new PledgeTransitionOutcome.Done(ReadLedger(ToHashEntries(reply.Values))),
            "MISSING" => new PledgeTransitionOutcome.Missing(),
            "STALE" => new PledgeTransitionOutcome.EtagMismatch(),
            "STATE" => new PledgeTransitionOutcome.WrongState(ParseState(reply.Text(0))),
            "ALLOCATED" => new PledgeTransitionOutcome.StillAllocated(Amount.Parse(reply.Text(0), reply.Text(1))),
            _ => throw reply.Unexpected("pledge transition"),
        };
    }

    internal static RedisKey KeyOf(string id) => $"pledges:{id}";

    internal static RedisKey LedgerKeyOf(string id) => $"pledges:{id}:ledger";

    private static RedisKey DonorIndexOf(string donorId) => $"donors:{donorId}:pledges";

    internal static HashEntry[] ToHashEntries(IEnumerable<RedisResult> flat)
    {
        var values = flat.Select(value => (RedisValue)value).ToArray();
        return [.. Enumerable.Range(0, values.Length / 2).Select(i => new HashEntry(values[2 * i], values[(2 * i) + 1]))];
    }

    internal static PledgeLedger ReadLedger(HashEntry[] entries)
    {
        var fields = entries.ToDictionary(entry => (string)entry.Name!, entry => (string)entry.Value!, StringComparer.Ordinal);
        var amount = Amount.Parse(fields["amount_units"], fields["amount_nanos"]);
        return new PledgeLedger(
            ParseState(fields["state"]),
            amount,
            Amount.Parse(fields["remaining_units"], fields["remaining_nanos"]),
            fields["etag"],
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(fields["update_time"], CultureInfo.InvariantCulture)),
            fields.TryGetValue("chain_length", out var length) ? long.Parse(length, CultureInfo.InvariantCulture) : 0,
            fields.GetValueOrDefault("chain_head", LedgerChain.Genesis),
            fields.TryGetValue("unpaid_units", out var unpaidUnits) ? amount - Amount.Parse(unpaidUnits, fields["unpaid_nanos"]) : Amount.Zero);
    }

    internal static State ParseState(string state) => state switch
    {
        "PLEDGED" => State.Pledged,
        "COMMITTED" => State.Committed,
        "CANCELLED" => State.Cancelled,
        _ => throw new InvalidOperationException($"Unknown pledge state '{state}' in Redis."),
    };
}
