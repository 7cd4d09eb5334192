namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>Where the portal's request pages are, from a request's resource name.</summary>
internal static class RequestPageOf
{
    public const string List = "/requests";
    public const string New = "/requests/new";

    public static string Detail(string name) => "/" + name;

    public static string Edit(string name) => $"/{name}/edit";

    /// <summary>The request's name from the address of one of its pages (<c>/requests/abc/edit?done=saved</c> → <c>requests/abc</c>).</summary>
    public static string NameIn(string url)
    {
        var segments = new Uri(url).AbsolutePath.Trim('/').Split('/');
        return $"{segments[0]}/{segments[1]}";
    }
}
