using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// Static rendering: on a slow link a page must be usable before blazor.web.js arrives, so
/// signing in, following the navigation and posting a form work with scripts off altogether.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class WithoutScriptsTests(SuiteFixture suite, BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_navigation_and_a_form_post_work_with_javascript_disabled()
    {
        await using var session = await BrowserSession.OpenAsync(browser, suite, javaScriptEnabled: false);

        await session.SignInAsync(DemoUsers.FocalPointGhana);
        var elsewhere = (await session.NavigationPathsAsync()).First(path => path != "/");
        await session.FollowNavigationAsync(elsewhere);
        await session.SwitchLanguageAsync("fr");

        Assert.Equal(elsewhere, new Uri(session.Page.Url).PathAndQuery);
        Assert.Equal(1, await session.Page.Locator("main h1").CountAsync());
    }
}
