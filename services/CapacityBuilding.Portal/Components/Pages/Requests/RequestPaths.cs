namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The request pages' addresses, from a request's resource name (<c>requests/{request}</c>), and
/// the notices a page shows after the browser was sent to it (<c>?done=submitted</c>).
/// </summary>
public static class RequestPaths
{
    public const string List = "/requests";
    public const string New = "/requests/new";
    public const string NoticeParameter = "done";
    public const string SavedNotice = "saved";
    public const string SubmittedNotice = "submitted";
    public const string WithdrawnNotice = "withdrawn";
    public const string SuspendedNotice = "suspended";
    public const string ResumedNotice = "resumed";

    public static string Detail(string name, string? notice = null) => WithNotice("/" + name, notice);

    public static string Edit(string name, string? notice = null) => WithNotice($"/{name}/edit", notice);

    public static string Withdraw(string name) => $"/{name}/withdraw";

    /// <summary>The coordinator's page that suspends the request, or resumes it when it is suspended.</summary>
    public static string Suspension(string name) => $"/{name}/suspension";

    /// <summary>The coordinator's review page of the request (the triage area's).</summary>
    public static string Triage(string name) => "/triage/" + IdOf(name);

    public static string NameOf(string id) => "requests/" + id;

    private static string IdOf(string name) => name["requests/".Length..];

    private static string WithNotice(string path, string? notice) => notice is null ? path : $"{path}?{NoticeParameter}={notice}";
}
