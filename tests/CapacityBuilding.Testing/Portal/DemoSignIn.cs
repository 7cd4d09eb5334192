using System.Net;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Testing.Portal;

/// <summary>
/// The Development sign-in of the portal, as a browser without scripts uses it: the demo users
/// are read off the sign-in page (so a user added to the portal's settings is covered), and one
/// is signed in by posting that page's form with its antiforgery token.
/// </summary>
public static partial class DemoSignIn
{
    public const string PagePath = "/signin";
    public const string FormPath = "/signin/dev";

    /// <summary>The keys of the demo users the sign-in page offers, in its order.</summary>
    public static async Task<IReadOnlyList<string>> UsersAsync(HttpClient client) =>
        [.. DemoUser().Matches(await client.GetStringAsync(new Uri(PagePath, UriKind.Relative))).Select(match => match.Groups["user"].Value).Distinct()];

    /// <summary>
    /// Signs <paramref name="user"/> in; <paramref name="client"/> must keep cookies and not follow
    /// redirects. Returns the session's cookies as a browser sends them.
    /// </summary>
    public static async Task<string> SignInAsync(HttpClient client, CookieContainer cookies, string user)
    {
        var page = await client.GetStringAsync(new Uri(PagePath, UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page) is { Success: true } match
                ? match.Groups["token"].Value
                : throw new InvalidOperationException("The sign-in page has no antiforgery token."),
            ["user"] = user,
            ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync(new Uri(FormPath, UriKind.Relative), form);
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            throw new InvalidOperationException($"Signing {user} in answered {(int)response.StatusCode}.");
        }

        return cookies.GetCookieHeader(client.BaseAddress!);
    }

    [GeneratedRegex(@"name=""user"" value=""(?<user>[^""]+)""")]
    private static partial Regex DemoUser();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" value=""(?<token>[^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
