namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// What every page must pass, in the session's language: no serious or critical axe violation,
/// no missing string (the whole page in a complete language, the layout in the others, whose
/// layout must also be in their own script), the language's direction on <c>&lt;html&gt;</c>; and a
/// screenshot for reviewers. A flow test calls
/// <see cref="AssertPageIsCleanAsync"/> on each page it reaches; the crawl calls
/// <see cref="PageProblemsAsync"/> on every page of the navigation and reports them all at once.
/// Needs scripts on (axe runs in the page).
/// </summary>
public static class PageChecks
{
    /// <summary>Problems as lines naming the user, the page and the language; empty when the page is clean.</summary>
    /// <param name="pageName">The screenshot's name; the page's path when not given.</param>
    /// <param name="accessibility">Whether to run axe, most of the checks' time: a crawl that has
    /// checked a page in one left-to-right language may skip it in the others.</param>
    public static async Task<IReadOnlyList<string>> PageProblemsAsync(this BrowserSession session, string? pageName = null, bool accessibility = true)
    {
        var page = session.Page;
        pageName ??= new Uri(page.Url).AbsolutePath;
        var missing = PortalLanguages.IsComplete(session.Language)
            ? await MissingStrings.InPageAsync(page)
            : await MissingStrings.InLayoutAsync(page);
        var direction = await page.Locator("html").GetAttributeAsync("dir");
        var expectedDirection = PortalLanguages.DirectionOf(session.Language);

        List<string> problems =
        [
            .. accessibility ? await AccessibilityCheck.SeriousViolationsAsync(page) : [],
            .. missing.Select(key => $"missing string {key}"),
        ];
        if (PortalLanguages.ScriptOfPartlyTranslated.TryGetValue(session.Language, out var script))
        {
            problems.AddRange((await LayoutScript.TextsNotInAsync(page, script)).Select(text => $"layout text \"{text}\" is not in {script} script"));
        }

        if (direction != expectedDirection)
        {
            problems.Add($"<html dir=\"{direction}\">, expected \"{expectedDirection}\"");
        }

        await Screenshots.SaveAsync(page, session.User, pageName, session.Language);
        return [.. problems.Select(problem => $"{session.User} at {pageName} in {session.Language}: {problem}")];
    }

    public static async Task AssertPageIsCleanAsync(this BrowserSession session, string? pageName = null)
    {
        var problems = await session.PageProblemsAsync(pageName);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
