namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>
/// Where the triage pages link to, from the services' resource names: this area's workspace, the
/// request's own page, the catalogue and the funding area's allocation form (other areas' pages,
/// addressed by the resource names they show, e.g. <c>/catalogue/courses/{course}</c>).
/// </summary>
public static class TriageLinks
{
    private const string RequestsCollection = "requests/";

    public static string Workspace(string requestName) => "triage/" + IdOf(requestName);

    public static string RequestPage(string requestName) => requestName;

    public static string Catalogue(string courseOrSessionName) => "catalogue/" + courseOrSessionName;

    public static string Allocate(string requestName) => "funding/allocate?request=" + Uri.EscapeDataString(requestName);

    /// <summary>The request's name from the id in a workspace address.</summary>
    public static string RequestName(string id) => RequestsCollection + id;

    private static string IdOf(string requestName) =>
        requestName.StartsWith(RequestsCollection, StringComparison.Ordinal) ? requestName[RequestsCollection.Length..] : requestName;
}
