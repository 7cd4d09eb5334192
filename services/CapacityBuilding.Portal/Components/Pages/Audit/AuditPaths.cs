using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Portal.Components.Pages.Audit;

/// <summary>
/// Where the audit pages are. A resource's audit page is <c>audit/</c> followed by its name
/// (<c>audit/requests/{id}</c>, <c>audit/donors/{donor}/pledges/{pledge}</c>), so links are made
/// from the names the services answer, without taking them apart.
/// </summary>
public static class AuditPaths
{
    public const string Requests = "audit";

    public const string Pledges = "audit/pledges";

    private const string RequestCollection = "requests/";

    private static readonly ResourceName<string> Request = new("AssistanceRequest", "requests/{request}", ids => ids[0]);

    public static string Of(string resourceName) => "audit/" + resourceName;

    /// <summary>
    /// The request's name (<c>requests/{id}</c>) in what an auditor typed: the name, its address
    /// in the portal or the API, or the bare id; null when it holds none.
    /// </summary>
    public static string? RequestNameIn(string reference)
    {
        var text = reference.Trim().TrimEnd('/');
        var start = text.LastIndexOf(RequestCollection, StringComparison.Ordinal);
        var name = start >= 0 ? text[start..] : RequestCollection + text;
        return Request.TryParse(name) is null ? null : name;
    }
}
