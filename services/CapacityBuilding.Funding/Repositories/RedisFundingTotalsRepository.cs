using System.Globalization;
using System.Numerics;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Reads the totals and the donors' funded requests that the money-moving scripts keep
/// (<see cref="ReportTotals"/> documents the keys), and counts records stored before they existed
/// into them (<see cref="Domain.Summaries.FundingTotalsRebuild"/>).
/// </summary>
public sealed class RedisFundingTotalsRepository(RedisKeyspace keyspace)
{
    private readonly IDatabase database = keyspace.Database;

    /// <summary>Every sum of one totals hash: one HGETALL, whatever the number of allocations and pledges.</summary>
    public async Task<IReadOnlyList<GroupTotal>> ReadAsync(RedisKey totals) => Sums(await database.HashGetAllAsync(totals));

    /// <summary>Every sum of each of <paramref name="totals"/>, in their order: one HGETALL each, sent together in one round trip.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<GroupTotal>>> ReadManyAsync(IReadOnlyList<RedisKey> totals)
    {
        var batch = database.CreateBatch();
        var reads = totals.Select(key => batch.HashGetAllAsync(key)).ToList();
        batch.Execute();
        return [.. (await Task.WhenAll(reads)).Select(Sums)];
    }

    private static IReadOnlyList<GroupTotal> Sums(HashEntry[] entries)
    {
        var sums = new Dictionary<(string Group, string Figure, string Currency), BigInteger>();
        foreach (var entry in entries)
        {
            // {group}|{currency}|{figure}|g, |u or |n; a group may hold ':' but never '|'.
            var parts = ((string)entry.Name!).Split('|');
            var key = (parts[0], parts[2], parts[1]);
            var value = BigInteger.Parse((string)entry.Value!, CultureInfo.InvariantCulture);
            sums[key] = sums.GetValueOrDefault(key) + (value * NanosPer(parts[3]));
        }

        return [.. sums.Select(sum => new GroupTotal(sum.Key.Group, sum.Key.Figure, sum.Key.Currency, sum.Value))];
    }

    /// <summary>What one count of a field's part is worth in nanos: a billion units, a unit or a nano.</summary>
    private static BigInteger NanosPer(string part) => part switch
    {
        "g" => (BigInteger)Amount.NanosPerUnit * Amount.NanosPerUnit,
        "u" => Amount.NanosPerUnit,
        "n" => BigInteger.One,
        _ => throw new InvalidOperationException($"Unknown part '{part}' of a funding total in Redis."),
    };

    /// <summary>The ids of every request the donor's money funds: one read of its index, no read per request.</summary>
    public async Task<IReadOnlySet<string>> FundedRequestIdsAsync(string donorId)
    {
        var ids = await database.SortedSetRangeByRankAsync(ReportTotals.FundedRequestsOf(donorId));
        return ids.Select(id => (string)id!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// At most <paramref name="count"/> ids of the requests the donor's money funds, the newest
    /// request first (ids grow with creation time; the index's scores are all 0, so it is ordered
    /// by id), those older than <paramref name="before"/> only when given: one ZREVRANGEBYLEX.
    /// </summary>
    public async Task<IReadOnlyList<string>> FundedRequestIdsAsync(string donorId, int count, string? before)
    {
        // From just below the last id served (or the top) down to the bottom, as RedisJsonStore pages.
        var from = before is null ? "+" : "(" + before;
        var ids = (RedisValue[])(await database.ExecuteAsync("ZREVRANGEBYLEX", ReportTotals.FundedRequestsOf(donorId), from, "-", "LIMIT", 0, count))!;
        return [.. ids.Select(id => (string)id!)];
    }

    public Task<bool> FundsAsync(string donorId, string requestId) => database.HashExistsAsync(ReportTotals.FundedCountsOf(donorId), requestId);

    /// <summary>Counts <paramref name="allocation"/> into the totals as its ledger is now, unless it is counted. True when this counted it.</summary>
    public async Task<bool> CountOnceAsync(StoredAllocation allocation)
    {
        var reply = await ScriptReply.RunScriptAsync(database, FundingScripts.TotalsCountAllocation,
            [RedisAllocationRepository.LedgerKeyOf(allocation.Id), .. ReportTotals.KeysOf(allocation),
                .. RedisAllocationRepository.FundedKeysOf(allocation.DonorId, allocation.RequestId)],
            [ReportTotals.GroupsOf(allocation), allocation.RequestId, allocation.DonorId]);
        return reply.Status == "COUNTED";
    }

    /// <summary>
    /// Counts a funded request stored before the donors' budget sums existed into the sums of the
    /// donors that fund it, with <paramref name="budgetEntries"/> unless money reaching it stored its
    /// own (<see cref="DonorBudgets"/>); one script, which counts each donor's request once however often it runs.
    /// </summary>
    public Task CountBudgetsOnceAsync(string requestId, string budgetEntries) =>
        ScriptReply.RunScriptAsync(database, FundingScripts.DonorBudgetsCount,
            [RedisAllocationRepository.RequestIndexOf(requestId), DonorBudgets.FundingDonorsOf(requestId), DonorBudgets.EntriesKeyOf(requestId),
                RedisAllocationRepository.ClosuresOf(requestId)],
            [keyspace.Prefix, requestId, budgetEntries]);

    /// <summary>Counts <paramref name="pledge"/> into the totals as its ledger is now, unless it is counted. True when this counted it.</summary>
    public async Task<bool> CountOnceAsync(StoredPledge pledge)
    {
        var reply = await ScriptReply.RunScriptAsync(database, FundingScripts.TotalsCountPledge,
            [RedisPledgeRepository.LedgerKeyOf(pledge.Id), .. ReportTotals.KeysOf(pledge)], [ReportTotals.GroupsOf(pledge)]);
        return reply.Status == "COUNTED";
    }
}
