using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// A complete request by keyboard only, as someone who uses no mouse does it: from the sign-in page
/// to a submitted request with Tab, Space, Enter and typing. A control that cannot be reached by
/// Tab, or a button that Enter does not press, fails it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestKeyboardTests(SuiteFixture suite, BrowserFixture browser)
{
    [Fact]
    public async Task A_focal_point_signs_in_drafts_and_submits_a_request_by_keyboard_only()
    {
        var title = $"Portal keyboard {Guid.NewGuid():N}";
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        var page = ghana.Page;
        var form = new RequestFormPage(page);
        await page.GotoAsync("/signin");

        await ghana.TabToAsync(page.Locator($"form:has(input[name=user][value='{DemoUsers.FocalPointGhana}']) button[type=submit]"));
        await PressAndWaitForAsync(page, "Enter", "form[action='/signout']");
        await ghana.TabToAsync(page.Locator("nav.site-nav a[href='requests/new']"));
        await PressAndWaitForAsync(page, "Enter", "#" + RequestFormPage.InputId(RequestFormPage.Title));

        await TypeIntoAsync(ghana, form.Input(RequestFormPage.Title), title);
        await TickAsync(ghana, form.Box("ThematicAreas", "ElectronicEvidence"));
        await TickAsync(ghana, form.Box("AssistanceTypes", "Training"));
        await TickAsync(ghana, form.Box("TargetAudiences", "Prosecutors"));
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.FocalPointName), "Kofi Boateng");
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.FocalPointEmail), "kofi.boateng@mint.gov.gh");
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.BeneficiaryInstitutions), "Ministry of the Interior");
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.EstimatedParticipants), "40");
        // A date input takes the digits of its locale's order (en-US: month, day, year).
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.DesiredStart), "04012027");
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.DesiredEnd), "05312027");
        await TickAsync(ghana, form.Box("Languages", "fr"));
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.BudgetCurrency), "EUR");
        await TypeIntoAsync(ghana, form.Input(RequestFormPage.BudgetAmount), "95000");
        await ghana.TabToAsync(form.SubmitButton);
        await PressAndWaitForAsync(page, "Enter", ".request-state .status-submitted");

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    private static async Task TypeIntoAsync(BrowserSession session, ILocator input, string text)
    {
        await session.TabToAsync(input);
        await session.Page.Keyboard.TypeAsync(text);
    }

    private static async Task TickAsync(BrowserSession session, ILocator box)
    {
        await session.TabToAsync(box);
        await session.Page.Keyboard.PressAsync("Space");
    }

    private static async Task PressAndWaitForAsync(IPage page, string key, string expected)
    {
        await page.Keyboard.PressAsync(key);
        await page.Locator(expected).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }
}
