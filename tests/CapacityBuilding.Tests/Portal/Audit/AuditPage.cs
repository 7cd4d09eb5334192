using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Audit;

/// <summary>The parts of a request's or a pledge's audit page that the flow tests read and use.</summary>
internal sealed class AuditPage(IPage page)
{
    public ILocator Verdict => page.Locator(".chain-verdict").First;

    public ILocator Checkpoint => page.Locator("#signed-checkpoint");

    public ILocator CheckBox => page.Locator("#field-checkpoint");

    public ILocator CheckMessage => page.Locator("#field-checkpoint-message");

    public ILocator CheckResult => page.Locator(".checkpoint-result");

    public async Task<string> VerdictText() => (await Verdict.InnerTextAsync()).ReplaceLineEndings(" ").Trim();

    /// <summary>The last column of the history table, one per entry.</summary>
    public async Task<IReadOnlyList<string>> EntryVerdictsAsync() =>
        [.. (await page.Locator(".history-table tbody tr td:last-child").AllInnerTextsAsync()).Select(text => text.Trim())];

    /// <summary>Pastes a checkpoint into the form and sends it, waiting for the result or the message by the box.</summary>
    public async Task CheckAgainstAsync(BrowserSession session, string checkpoint)
    {
        await CheckBox.FillAsync(checkpoint);
        await session.ClickAndWaitForAsync(page.Locator(".checkpoint-form button[type=submit]"), page.Locator(".checkpoint-result, #field-checkpoint-message"));
    }
}
