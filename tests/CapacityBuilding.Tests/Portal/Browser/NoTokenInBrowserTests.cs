using System.Collections.Concurrent;
using CapacityBuilding.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// The portal keeps the signed-in user's access token on the server (the issue: tokens never
/// reach the browser). After signing in and visiting every page of the navigation, nothing the
/// browser holds or received looks like a JWT: no cookie, no page, no response header, no storage.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class NoTokenInBrowserTests(SuiteFixture suite, BrowserFixture browser)
{
    [Theory]
    [InlineData(DemoUsers.FocalPointGhana)]
    [InlineData(DemoUsers.Coordinator)]
    [InlineData(DemoUsers.Donor)]
    public async Task No_cookie_page_header_or_storage_holds_a_token_after_signing_in(string user)
    {
        await using var session = await BrowserSession.OpenAsync(browser, suite);
        var responses = new ConcurrentQueue<IResponse>();
        session.Context.Response += (_, response) => responses.Enqueue(response);
        var seen = new List<(string Where, string Text)>();

        await session.SignInAsync(user);
        foreach (var path in await session.NavigationPathsAsync())
        {
            await session.GoToAsync(path);
            seen.Add(($"page {path}", await session.Page.ContentAsync()));
            seen.Add(($"storage at {path}", await session.Page.EvaluateAsync<string>(
                "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")));
        }

        seen.AddRange((await session.Context.CookiesAsync()).Select(cookie => ($"cookie {cookie.Name}", cookie.Value)));
        foreach (var response in responses)
        {
            var headers = await response.HeadersArrayAsync();
            seen.AddRange(headers.Select(header => ($"header {header.Name} of {response.Url}", header.Value)));
        }

        Assert.Contains(seen, entry => entry.Where.StartsWith("cookie ", StringComparison.Ordinal));
        Assert.Empty(seen.Where(entry => JsonWebTokens.In(entry.Text).Count > 0).Select(entry => entry.Where));
    }
}
