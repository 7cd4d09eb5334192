namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Configuration section <c>Requests:Listing</c>: how many index entries one call of the page
/// script examines at most (<c>Scripts/request-page.lua</c>). It bounds how long one call blocks
/// Redis, not what a page holds: a page that needs more calls the script again.
/// </summary>
public sealed class RequestListingOptions
{
    public const string SectionName = "Requests:Listing";

    public int ScanBudget { get; set; } = 2000;
}
