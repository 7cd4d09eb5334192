using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Domain.Summaries;
using CapacityBuilding.ServiceDefaults.Regions;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// The sums the funding reports show, kept by the scripts that move the money, in the same step
/// (<c>Scripts/totals-functions.lua</c>), so a report reads a few hashes instead of every
/// allocation and pledge. Keys, under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>totals:all</c>: every donor's money, by group: <c>programme</c>, <c>theme:{ThematicArea}</c>,
/// <c>region:{M49 sub-region}</c> and <c>donor:{donor}</c>.</item>
/// <item><c>totals:donors:{donor}</c>: that donor's money alone, by <c>programme</c>, theme and region.</item>
/// <item><c>totals:requests:{request}</c>: the money allocated to that request, by <c>donor:{donor}</c>.</item>
/// <item><c>donors:{donor}:funded-requests</c>: sorted set (score 0) of the requests the donor's
/// money funds (an ACTIVE allocation), and <c>donors:{donor}:funded-counts</c>: hash, per request,
/// how many of its ACTIVE allocations there are.</item>
/// </list>
/// A field is <c>{group}|{currency}|{figure}|g</c> (billions of units), <c>…|u</c> (units below a
/// billion) or <c>…|n</c> (nanos), each summed on its own so that Redis' 64-bit HINCRBY never needs
/// a carry and never overflows, even for totals beyond google.type.Money; the figure is
/// <see cref="Allocated"/>, <see cref="Offered"/>, <see cref="Disbursed"/>, <see cref="Pledged"/>,
/// <see cref="Committed"/> or <see cref="Paid"/>. Sums stay per currency: the reports convert the
/// few sums to USD when they are read, at the rates of the day asked for.
/// </summary>
public static class ReportTotals
{
    public const string Allocated = "allocated";
    public const string Offered = "offered";
    public const string Disbursed = "disbursed";
    public const string Pledged = "pledged";
    public const string Committed = "committed";
    public const string Paid = "paid";

    public const string Programme = "programme";
    public const string ThemePrefix = "theme:";
    public const string RegionPrefix = "region:";
    public const string DonorPrefix = "donor:";

    public static readonly RedisKey All = "totals:all";

    public static RedisKey OfDonor(string donorId) => $"totals:donors:{donorId}";

    public static RedisKey OfRequest(string requestId) => $"totals:requests:{requestId}";

    public static RedisKey FundedRequestsOf(string donorId) => $"donors:{donorId}:funded-requests";

    public static RedisKey FundedCountsOf(string donorId) => $"donors:{donorId}:funded-counts";

    /// <summary>The totals an allocation's money is in: all, its donor's and its request's, in this order.</summary>
    public static RedisKey[] KeysOf(StoredAllocation allocation) => [All, OfDonor(allocation.DonorId), OfRequest(allocation.RequestId)];

    /// <summary>The totals a pledge's money is in: all and its donor's.</summary>
    public static RedisKey[] KeysOf(StoredPledge pledge) => [All, OfDonor(pledge.DonorId)];

    /// <summary>The groups of <see cref="KeysOf(StoredAllocation)"/>, as the scripts take them.</summary>
    public static string GroupsOf(StoredAllocation allocation)
    {
        var shared = ThemeAndRegionGroups(allocation.ThematicAreas, M49Regions.Of(allocation.RequestingState) is { } region ? [region.SubRegionCode] : []);
        return Argument(allocation.CurrencyCode, [(0, DonorPrefix + allocation.DonorId), (2, DonorPrefix + allocation.DonorId), .. shared]);
    }

    /// <summary>The groups of <see cref="KeysOf(StoredPledge)"/>: those its earmarks name (<see cref="EarmarkGroups"/>).</summary>
    public static string GroupsOf(StoredPledge pledge)
    {
        var shared = ThemeAndRegionGroups(EarmarkGroups.ThemesOf(pledge.Earmarks), EarmarkGroups.SubRegionsOf(pledge.Earmarks));
        return Argument(pledge.CurrencyCode, [(0, DonorPrefix + pledge.DonorId), .. shared]);
    }

    /// <summary>The programme, theme and region groups, in all (offset 0) and the donor's (offset 1) alike.</summary>
    private static IEnumerable<(int Offset, string Group)> ThemeAndRegionGroups(IEnumerable<ThematicArea> themes, IEnumerable<string> subRegions) =>
        ProgrammeThemeAndRegion(themes, subRegions).SelectMany(group => new[] { (0, group), (1, group) });

    /// <summary>The programme's group, then one per theme and one per M49 sub-region, each once.</summary>
    public static string[] ProgrammeThemeAndRegion(IEnumerable<ThematicArea> themes, IEnumerable<string> subRegions) =>
        [Programme, .. themes.Distinct().Select(theme => ThemePrefix + theme), .. subRegions.Distinct(StringComparer.Ordinal).Select(code => RegionPrefix + code)];

    /// <summary>The groups argument of the scripts' <c>totals_add</c>: each group at its offset, in <paramref name="currencyCode"/>.</summary>
    public static string Argument(string currencyCode, IEnumerable<(int Offset, string Group)> groups) =>
        string.Join(' ', groups.Select(entry => $"{entry.Offset}:{entry.Group}|{currencyCode}"));
}
