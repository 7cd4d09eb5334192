using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>The browser layer's own checks fail when they should, on pages written here.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class BrowserChecksTests(SuiteFixture suite, BrowserFixture browser)
{
    private const string AccessiblePage =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Fine</title></head><body><main><h1>Fine</h1></main></body></html>";

    [Fact]
    public async Task The_accessibility_check_passes_a_clean_page_and_names_rule_element_and_help_of_a_critical_violation()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SetContentAsync(AccessiblePage);
        Assert.Empty(await AccessibilityCheck.SeriousViolationsAsync(page));

        await page.SetContentAsync(AccessiblePage.Replace("</h1>", "</h1><img id=\"chart\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">", StringComparison.Ordinal));
        var violation = Assert.Single(await AccessibilityCheck.SeriousViolationsAsync(page));
        Assert.StartsWith("critical image-alt at #chart: ", violation, StringComparison.Ordinal);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_missing_string_check_finds_markers_in_text_and_attributes_and_the_layout_check_skips_main()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<html><body><nav aria-label=\"[[missing:Nav.Label]]\"></nav>" +
            "<main><h1>[[missing:Home.Title]]</h1><input placeholder=\"[[missing:Home.Search]]\"></main></body></html>");

        Assert.Equal(["Nav.Label", "Home.Title", "Home.Search"], await MissingStrings.InPageAsync(page));
        Assert.Equal(["Nav.Label"], await MissingStrings.InLayoutAsync(page));
    }

    [Fact]
    public async Task The_layout_script_check_names_layout_texts_left_in_english_and_ignores_main()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<html lang=\"ar\" dir=\"rtl\"><body><nav><a href=\"/\">الصفحة الرئيسية</a><a href=\"/requests\">Requests</a></nav>" +
            "<main><a href=\"/requests/1\">Border control training</a></main><label>اللغة</label><button>Sign out</button></body></html>");

        Assert.Equal(["Requests", "Sign out"], await LayoutScript.TextsNotInAsync(page, "Arabic"));
    }

    [Fact]
    public void The_token_scan_finds_a_signed_token_of_the_suite_and_not_an_encrypted_cookie()
    {
        var token = suite.Tokens.Mint(CallerRole.Coordinator, "test-coordinator");

        Assert.Equal([token], JsonWebTokens.In($"<p data-x=\"{token}\">signed in</p>"));
        Assert.Empty(JsonWebTokens.In("CfDJ8Nz0f2sQm1Xy-eyJh_Vb9Qk3LwR0uT2c7dE"));
    }

    [Fact]
    public async Task Tabbing_reaches_an_element_in_focus_order_and_fails_on_one_outside_it()
    {
        await using var session = await BrowserSession.OpenAsync(browser, suite);
        await session.Page.SetContentAsync(
            "<main><a href=\"#a\">First</a><button id=\"second\">Second</button><button id=\"hidden\" tabindex=\"-1\">Out</button></main>");

        Assert.Equal(2, await session.TabToAsync(session.Page.Locator("#second")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.TabToAsync(session.Page.Locator("#hidden")));
    }
}
