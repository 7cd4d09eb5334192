namespace CapacityBuilding.Portal.Components.Pages.Offers;

/// <summary>
/// The offer pages' addresses, from an offer's resource name (<c>requests/{request}/offers/{offer}</c>)
/// or its request's, and the notices a page shows after an answer (<c>?done=accepted</c>).
/// </summary>
public static class OfferPaths
{
    public const string NoticeParameter = "done";
    public const string AcceptedNotice = "accepted";
    public const string DeclinedNotice = "declined";
    public const string WithdrawnNotice = "withdrawn";
    public const string CreatedNotice = "created";

    /// <summary>The query parameter that names the pledge a new funding offer is made from (from the open needs page).</summary>
    public const string PledgeParameter = "pledge";

    public static readonly string[] Notices = [AcceptedNotice, DeclinedNotice, WithdrawnNotice, CreatedNotice];

    public static string Detail(string name, string? notice = null) => notice is null ? "/" + name : $"/{name}?{NoticeParameter}={notice}";

    /// <summary>The form that makes an offer on a request, optionally from a pledge.</summary>
    public static string New(string requestName, string? pledge = null) =>
        pledge is null ? $"/{requestName}/offers/new" : $"/{requestName}/offers/new?{PledgeParameter}={Uri.EscapeDataString(pledge)}";

    public static string NameOf(string requestId, string offerId) => $"requests/{requestId}/offers/{offerId}";

    /// <summary>The request an offer is made on.</summary>
    public static string RequestOf(string offerName) => offerName[..offerName.IndexOf("/offers/", StringComparison.Ordinal)];
}
