using System.Globalization;
using System.Text.Json;
using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Contributions (money paid in against pledges) in Redis. Keys, all under the service's
/// <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>contributions:{id}</c>: the contribution, JSON (<see cref="StoredContribution"/>).</item>
/// <item><c>pledges:{pledge}:contributions</c>: sorted set of the pledge's contribution ids, score 0
/// (lexicographic = creation order).</item>
/// <item><c>contributions:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// What is left to pay is on the pledge's ledger (<see cref="RedisPledgeRepository"/>), checked
/// and lowered by the same script that stores the contribution and appends it to the pledge's
/// ledger chain (<see cref="PledgeLedgerChain"/>).
/// </summary>
public sealed class RedisContributionRepository(RedisKeyspace keyspace, PledgeLedgerChain chain)
{
    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredContribution> store = new(keyspace, FundingJsonContext.Default.StoredContribution);

    /// <param name="pledge">The pledge <paramref name="contribution"/> pays in against: its earmarks say which totals the money paid counts in.</param>
    public async Task<ContributeOutcome> CreateAsync(StoredContribution contribution, StoredPledge pledge, IdempotentCreate? create)
    {
        var idempotencyKey = create?.KeyIn("contributions");
        var amount = new Amount(contribution.Units, contribution.Nanos);
        var reply = await chain.AppendAsync(contribution.DonorId, contribution.PledgeId, LedgerEvent.Contribute,
            FundingNames.Contribution.Format(contribution.DonorId, contribution.PledgeId, contribution.Id), amount, contribution.CreateTime,
            (chainKey, chainArguments) => ScriptReply.RunScriptAsync(database, FundingScripts.ContributionCreate,
            [
                RedisPledgeRepository.LedgerKeyOf(contribution.PledgeId), KeyOf(contribution.Id), IndexOf(contribution.PledgeId), chainKey,
                .. ReportTotals.KeysOf(pledge), .. idempotencyKey is { } key ? new[] { key } : [],
            ],
            [
                contribution.Id, JsonSerializer.SerializeToUtf8Bytes(contribution, FundingJsonContext.Default.StoredContribution),
                amount.UnitsText, amount.NanosText, Negated(amount.Units), Negated(amount.Nanos), Etags.New(),
                contribution.CreateTime.ToUnixTimeMilliseconds(), .. chainArguments, ReportTotals.GroupsOf(pledge), create?.Fingerprint ?? "",
            ]));
        return reply.Status switch
        {
            "CREATED" => new ContributeOutcome.Created(),
            "EXISTING" => new ContributeOutcome.AlreadyCreated(reply.Text(0)),
            "MISSING" => new ContributeOutcome.PledgeMissing(),
            "NOT_COMMITTED" => new ContributeOutcome.PledgeNotCommitted(RedisPledgeRepository.ParseState(reply.Text(0))),
            "EXCEEDS" => new ContributeOutcome.ExceedsPledge(Amount.Parse(reply.Text(0), reply.Text(1))),
            _ => throw reply.Unexpected("contribution"),
        };
    }

    public Task<StoredContribution?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<(IReadOnlyList<StoredContribution> Items, string? LastId)> ListAsync(string pledgeId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(IndexOf(pledgeId), KeyOf, pageSize, afterId);

    /// <summary>Every contribution to these pledges, oldest first per pledge (the IATI export's incoming funds).</summary>
    public async Task<IReadOnlyList<StoredContribution>> AllOfAsync(IEnumerable<string> pledgeIds)
    {
        var indexes = await Task.WhenAll(pledgeIds.Select(pledgeId => database.SortedSetRangeByRankAsync(IndexOf(pledgeId))));
        RedisKey[] keys = [.. indexes.SelectMany(ids => ids).Select(id => KeyOf(id.ToString()))];
        return keys.Length == 0 ? [] : [.. (await store.GetManyAsync(keys)).OfType<StoredContribution>()];
    }

    private static RedisKey KeyOf(string id) => $"contributions:{id}";

    private static RedisKey IndexOf(string pledgeId) => $"pledges:{pledgeId}:contributions";

    private static string Negated(long value) => (-value).ToString(CultureInfo.InvariantCulture);
}
