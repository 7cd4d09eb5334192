namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Where a form may send the browser back to: a path of this site only, so that a crafted link
/// cannot turn sign-in or the language picker into a redirect to another site.
/// </summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
