using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;
using BrowserSession = CapacityBuilding.Tests.Portal.Browser.PortalSession;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// A complete request by keyboard only, as someone who uses no mouse does it: from the sign-in page
/// to a submitted request with Tab, Space, Enter and typing. A control that cannot be reached by
/// Tab, or a button that Enter does not press, fails it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestKeyboardTests(SuiteFixture suite, BrowserFixture browser)
{
    // More than any page of the portal has controls before the one sought.
    private const int MostTabs = 300;

    [Fact]
    public async Task A_focal_point_signs_in_drafts_and_submits_a_request_by_keyboard_only()
    {
        var title = $"Portal keyboard {Guid.NewGuid():N}";
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        var page = ghana.Page;
        await page.GotoAsync("/signin");

        await TabToAsync(page, $"form:has(input[name=user][value='{DemoUsers.FocalPointGhana}']) button[type=submit]");
        await PressAndWaitForAsync(page, "Enter", "form[action='/signout']");
        await TabToAsync(page, "nav.site-nav a[href='requests/new']");
        await PressAndWaitForAsync(page, "Enter", "#" + RequestFormPage.InputId(RequestFormPage.Title));

        await TypeIntoAsync(page, RequestFormPage.Title, title);
        await TickAsync(page, "ThematicAreas", "ElectronicEvidence");
        await TickAsync(page, "AssistanceTypes", "Training");
        await TickAsync(page, "TargetAudiences", "Prosecutors");
        await TypeIntoAsync(page, RequestFormPage.FocalPointName, "Kofi Boateng");
        await TypeIntoAsync(page, RequestFormPage.FocalPointEmail, "kofi.boateng@mint.gov.gh");
        await TypeIntoAsync(page, RequestFormPage.BeneficiaryInstitutions, "Ministry of the Interior");
        await TypeIntoAsync(page, RequestFormPage.EstimatedParticipants, "40");
        // A date input takes the digits of its locale's order (en-US: month, day, year).
        await TypeIntoAsync(page, RequestFormPage.DesiredStart, "04012027");
        await TypeIntoAsync(page, RequestFormPage.DesiredEnd, "05312027");
        await TickAsync(page, "Languages", "fr");
        await TypeIntoAsync(page, RequestFormPage.BudgetCurrency, "EUR");
        await TypeIntoAsync(page, RequestFormPage.BudgetAmount, "95000");
        await TabToAsync(page, "button[name='Form.Intent'][value='submit']");
        await PressAndWaitForAsync(page, "Enter", ".request-state .status-submitted");

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    private static async Task TypeIntoAsync(IPage page, string field, string text)
    {
        await TabToAsync(page, "#" + RequestFormPage.InputId(field));
        await page.Keyboard.TypeAsync(text);
    }

    private static async Task TickAsync(IPage page, string list, string value)
    {
        await TabToAsync(page, $"input[type=checkbox][name='Form.{list}'][value='{value}']");
        await page.Keyboard.PressAsync("Space");
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus; fails when it never gets it.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MostTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}.");
    }

    private static async Task PressAndWaitForAsync(IPage page, string key, string expected)
    {
        await page.Keyboard.PressAsync(key);
        await page.Locator(expected).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }
}
