using System.Text.Json;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// The ledger chain of each pledge (<see cref="LedgerChain"/>) in Redis: <c>pledges:{id}:chain</c>,
/// a list of entries, oldest first, JSON (<see cref="StoredLedgerEntry"/>); the pledge's ledger hash
/// keeps <c>chain_length</c> and <c>chain_head</c>. The scripts that change a pledge append to it
/// (<c>Scripts/chain-functions.lua</c>): this class computes the entry on the head it reads, and
/// runs the script again on the new head when another change got in first.
/// </summary>
public sealed class PledgeLedgerChain(RedisKeyspace keyspace)
{
    /// <summary>
    /// Every lost attempt means another change of the pledge succeeded, so the chain makes progress;
    /// the bound only stops a loop that something else (a broken script) keeps failing.
    /// </summary>
    private const int MaxAttempts = 1000;

    private readonly IDatabase database = keyspace.Database;

    /// <summary>
    /// Runs <paramref name="script"/>, given the chain's key and the arguments chain-functions.lua
    /// expects (expected head, entry JSON, its hash), until it does not answer CHAIN_MOVED.
    /// </summary>
    public async Task<ScriptReply> AppendAsync(string donorId, string pledgeId, LedgerEvent @event, string subject, Amount amount,
        DateTimeOffset time, Func<RedisKey, RedisValue[], Task<ScriptReply>> script)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await database.HashGetAsync(RedisPledgeRepository.LedgerKeyOf(pledgeId), ["chain_length", "chain_head"]);
            var headHash = head[1].IsNull ? LedgerChain.Genesis : (string)head[1]!;
            var entry = LedgerChain.Record(FundingNames.Pledge.Format(donorId, pledgeId), head[0].IsNull ? 0 : (long)head[0], headHash,
                time, @event, subject, amount);
            var reply = await script(ChainKeyOf(pledgeId), [headHash, .. EntryArguments(entry)]);
            if (reply.Status != "CHAIN_MOVED")
            {
                return reply;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"The ledger chain of pledge {pledgeId} moved {MaxAttempts} times in a row.");
            }
        }
    }

    /// <summary>The first entry of a new pledge's chain, for pledge-create.lua.</summary>
    public static (RedisKey Chain, RedisValue[] Arguments) First(string donorId, string pledgeId, Amount amount, DateTimeOffset time)
    {
        var entry = LedgerChain.Record(FundingNames.Pledge.Format(donorId, pledgeId), 0, LedgerChain.Genesis, time, LedgerEvent.PledgeCreate, "", amount);
        return (ChainKeyOf(pledgeId), EntryArguments(entry));
    }

    public async Task<IReadOnlyList<StoredLedgerEntry?>> EntriesAsync(string pledgeId)
    {
        var values = await database.ListRangeAsync(ChainKeyOf(pledgeId));
        return [.. values.Select(Deserialize)];
    }

    internal static RedisKey ChainKeyOf(string pledgeId) => $"pledges:{pledgeId}:chain";

    /// <summary>Null for an entry that is not an entry (edited into something else): verification reports it.</summary>
    private static StoredLedgerEntry? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, FundingJsonContext.Default.StoredLedgerEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RedisValue[] EntryArguments(StoredLedgerEntry entry) =>
        [JsonSerializer.SerializeToUtf8Bytes(entry, FundingJsonContext.Default.StoredLedgerEntry), entry.Hash];
}
