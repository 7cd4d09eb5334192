using System.Net;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// A browser without scripts, for the portal's tests: keeps cookies, does not follow redirects
/// (the tests look at them), reads the antiforgery token of the page it got last, and fails on a
/// page that shows a missing UI string (the fixture's portal runs in strict mode).
/// </summary>
internal sealed partial class PortalSession : IDisposable
{
    public const string MissingStringMarker = "[[missing:";

    private readonly HttpClient client;

    public PortalSession(Uri address)
    {
        Cookies = new CookieContainer();
        client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public CookieContainer Cookies { get; }

    public Uri Address => client.BaseAddress!;

    /// <summary>Signs a demo user of the Development sign-in in (appsettings.Development.json keys, e.g. <c>focal-point-gha</c>).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string demoUser, string returnUrl = "/")
    {
        var signIn = await GetPageAsync("/signin");
        return await PostFormAsync("/signin/dev", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(signIn),
            ["user"] = demoUser,
            ["returnUrl"] = returnUrl,
        });
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>The page's HTML; fails unless it answered 200 without a missing string.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}\n{html}");
        Assert.DoesNotContain(MissingStringMarker, html, StringComparison.Ordinal);
        return html;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => client.PostAsync(new Uri(path, UriKind.Relative), content);

    public static string AntiforgeryTokenOf(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match ? match.Groups["token"].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => client.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" value=""(?<token>[^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
