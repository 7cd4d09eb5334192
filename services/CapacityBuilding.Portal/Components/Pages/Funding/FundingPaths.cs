namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// Where the funding pages live: a resource's page is its name under <c>funding/</c>
/// (<c>donors/d1/pledges/p1</c> → <c>funding/donors/d1/pledges/p1</c>), so links are made from
/// the names the services answer, without taking them apart.
/// </summary>
public static class FundingPaths
{
    public const string Root = "funding";

    public const string Donors = Root + "/donors";

    public const string NewDonor = Donors + "/new";

    public const string Allocations = Root + "/allocations";

    public const string Allocate = Root + "/allocate";

    public const string MyFunding = Root + "/mine";

    public const string FundedRequests = Root + "/funded-requests";

    public const string ExchangeRates = Root + "/exchange-rates";

    public const string IatiExport = Root + "/iati";

    /// <summary>The page of a donor, pledge or allocation, from its resource name.</summary>
    public static string Of(string resourceName) => Root + "/" + resourceName;

    public static string NewPledge(string donorName) => Of(donorName) + "/pledges/new";

    /// <summary>The allocation form for a request, and a pledge when one is chosen already.</summary>
    public static string AllocateTo(string? requestName, string? pledgeName = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(requestName))
        {
            query.Add("request=" + Uri.EscapeDataString(requestName));
        }

        if (!string.IsNullOrEmpty(pledgeName))
        {
            query.Add("pledge=" + Uri.EscapeDataString(pledgeName));
        }

        return query.Count == 0 ? Allocate : Allocate + "?" + string.Join('&', query);
    }
}
