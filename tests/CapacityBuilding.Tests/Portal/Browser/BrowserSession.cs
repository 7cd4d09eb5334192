using CapacityBuilding.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// One person at the portal: a browser context of their own (cookies, language) on the shared
/// chromium, reaching the portal through the suite's gateway as a browser would. Signs in as a
/// demo user through the Development sign-in page and switches language through the picker, as
/// a person does, so these steps are tested by every test that takes them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string Anonymous = "anonymous";

    private const string SignInPath = "/signin";

    private const string NavigationLinks = "nav.site-nav a[href]";

    // Remembers, in the page, that blazor.web.js has patched the document with the page a link led to.
    private const string AwaitEnhancedLoadScript = """
        () => {
            window.enhancedLoadSeen = false;
            const seen = () => { window.enhancedLoadSeen = true; Blazor.removeEventListener('enhancedload', seen); };
            Blazor.addEventListener('enhancedload', seen);
        }
        """;

    private readonly bool scriptsEnabled;

    private BrowserSession(IBrowserContext context, IPage page, bool scriptsEnabled)
    {
        Context = context;
        Page = page;
        this.scriptsEnabled = scriptsEnabled;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The signed-in demo user's key (<see cref="DemoUsers"/>), or <see cref="Anonymous"/>: screenshots are filed under it.</summary>
    public string User { get; private set; } = Anonymous;

    public string Language { get; private set; } = PortalLanguages.English;

    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, SuiteFixture suite, bool javaScriptEnabled = true)
    {
        await DemoDonors.EnsureAsync(suite);
        var context = await browser.NewContextAsync(suite.GatewayRestAddress, javaScriptEnabled);
        return new BrowserSession(context, await context.NewPageAsync(), javaScriptEnabled);
    }

    /// <summary>A new session signed in as a demo user (<see cref="DemoUsers"/>).</summary>
    public static async Task<BrowserSession> SignedInAsync(BrowserFixture browser, SuiteFixture suite, string demoUser)
    {
        var session = await OpenAsync(browser, suite);
        await session.SignInAsync(demoUser);
        return session;
    }

    /// <summary>The demo users the sign-in page offers, by key.</summary>
    public async Task<IReadOnlyList<string>> DemoUsersOnSignInPageAsync()
    {
        await GoToAsync(SignInPath);
        return [.. await Page.Locator("form input[name=user]").EvaluateAllAsync<string[]>("inputs => inputs.map(input => input.value)")];
    }

    /// <summary>Signs a signed-out session in as a demo user (<see cref="DemoUsers"/>) by pressing their button on the sign-in page.</summary>
    public async Task SignInAsync(string demoUser)
    {
        await GoToAsync(SignInPath);
        var button = Page.Locator($"form:has(input[name=user][value='{demoUser}']) button[type=submit]");
        // Signed in is when the layout offers to sign out.
        await ClickAndWaitForAsync(button, Page.Locator("form[action='/signout']"));
        User = demoUser;
    }

    /// <summary>Chooses a language in the layout's picker; the portal remembers it in a cookie.</summary>
    public async Task SwitchLanguageAsync(string language)
    {
        var picker = Page.Locator("form.language-picker");
        await picker.Locator("select[name=culture]").SelectOptionAsync(language);
        await ClickAndWaitForAsync(picker.Locator("button[type=submit]"), Page.Locator($"html[lang='{language}']"));
        Language = language;
    }

    /// <summary>Loads a page (a path under the portal) and fails unless it answers 200.</summary>
    public async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        if (response is not { Status: 200 })
        {
            throw new InvalidOperationException($"{path} answered {response?.Status} at {Page.Url}.");
        }
    }

    /// <summary>Where the layout's main navigation leads the signed-in user: paths such as <c>/</c> and <c>/requests</c>.</summary>
    public async Task<IReadOnlyList<string>> NavigationPathsAsync()
    {
        var hrefs = await Page.Locator(NavigationLinks).EvaluateAllAsync<string[]>("links => links.map(link => link.href)");
        return [.. hrefs.Select(href => new Uri(href).PathAndQuery)];
    }

    /// <summary>Follows the main navigation's link to <paramref name="path"/> (as <see cref="NavigationPathsAsync"/> gives it), as a person clicks it.</summary>
    public async Task FollowNavigationAsync(string path)
    {
        var paths = await NavigationPathsAsync();
        var index = paths.ToList().IndexOf(path);
        if (index < 0)
        {
            throw new InvalidOperationException($"The navigation of {User} has no link to {path}, only {string.Join(", ", paths)}.");
        }

        var link = Page.Locator(NavigationLinks).Nth(index);
        if (scriptsEnabled)
        {
            await FollowLinkAsync(link);
        }
        else
        {
            await link.ClickAsync();
        }

        await Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
    }

    /// <summary>
    /// Clicks a link to another portal page and waits until the document is that page. blazor.web.js
    /// follows such a link by enhanced navigation: it changes the address first, then fetches the
    /// page and patches the document in place, so until the patch the address is the new page's while
    /// the content, and every element both pages have (the heading, the pager), is still the old
    /// page's. Only its <c>enhancedload</c> event says the patch is done. Needs scripts on.
    /// </summary>
    public async Task FollowLinkAsync(ILocator link)
    {
        // blazor.web.js starts as its script runs, before the load event: a page that came from a
        // plain form post may not have run it yet, and a click then would load a whole document.
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.EvaluateAsync(AwaitEnhancedLoadScript);
        await link.ClickAsync();
        await Page.WaitForFunctionAsync("() => window.enhancedLoadSeen");
    }

    /// <summary>
    /// Submits a plain GET form (one without <c>data-enhance</c>: blazor.web.js leaves it to the
    /// browser, which loads a whole new document, so no <c>enhancedload</c> comes) and waits until
    /// the document at an address whose query holds <paramref name="query"/> has loaded. The page
    /// before may show everything the new one does (the same table), so nothing on it can say the
    /// new one is there; its address, changed only when the new document commits, can.
    /// </summary>
    public async Task SubmitQueryFormAsync(ILocator button, string query)
    {
        await button.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).Query.Contains(query, StringComparison.Ordinal));
    }

    /// <summary>
    /// Clicks (a link, a form's button) and waits until <paramref name="expected"/> is in the page
    /// that follows, a new document after a plain form post or the same one patched by enhanced
    /// navigation; fails with what the page shows instead. Wait for something that was not there
    /// before the click.
    /// </summary>
    public async Task ClickAndWaitForAsync(ILocator target, ILocator expected)
    {
        await target.ClickAsync();
        try
        {
            await expected.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"After clicking {target}, {expected} did not appear; {Page.Url} shows: {await Page.InnerTextAsync("body")}");
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
