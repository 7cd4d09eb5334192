using System.Net;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Testing.Portal;

/// <summary>
/// The pages a signed-in user reaches, read off the portal's own HTML: the links of the main
/// navigation (the layout's <c>nav.site-nav</c>, which lists the role's NavigationEntries), so a
/// page added to that table is measured without a change here.
/// </summary>
public static partial class PortalNavigation
{
    /// <summary>The navigation's link targets, relative to the site root (the layout's base is <c>/</c>), in their order.</summary>
    public static IReadOnlyList<string> PagesOf(string html)
    {
        var nav = SiteNav().Match(html);
        if (!nav.Success)
        {
            throw new InvalidOperationException("The page has no main navigation (nav.site-nav): not signed in?");
        }

        return [.. Hrefs().Matches(nav.Groups["body"].Value).Select(match => "/" + WebUtility.HtmlDecode(match.Groups["href"].Value).TrimStart('/')).Distinct()];
    }

    /// <summary>The first link to one request's page (<c>requests/{id}</c>) on the page, if any.</summary>
    public static string? FirstRequestPageOf(string html) =>
        RequestLink().Match(html) is { Success: true } match ? "/" + match.Groups["path"].Value : null;

    [GeneratedRegex(@"<nav\b[^>]*class=""[^""]*\bsite-nav\b[^""]*""[^>]*>(?<body>.*?)</nav>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SiteNav();

    [GeneratedRegex(@"<a\b[^>]*\shref=""(?<href>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Hrefs();

    [GeneratedRegex(@"href=""/?(?<path>requests/[0-9a-f]{32})""", RegexOptions.IgnoreCase)]
    private static partial Regex RequestLink();
}
