using System.Collections.Concurrent;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// Every page as each demo user reaches it, with no list of pages to keep: the demo users are
/// read off the sign-in page, the pages off the navigation the layout shows each of them (and
/// Home), so a page that gets a navigation entry is checked from that commit on; signed out, the
/// public pages of the navigation and the first item of their lists. Each page in each
/// of the six languages passes <see cref="PageChecks"/> and leaves a screenshot.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class EveryPageTests(SuiteFixture suite, BrowserFixture browser)
{
    private const string Home = "/";

    // Two users at a time: the machine has two cores, shared with the suite's processes.
    private static readonly ParallelOptions UsersAtOnce = new() { MaxDegreeOfParallelism = 2 };

    // All six: Russian and Chinese too, so their layout is held to its script and their pages are
    // photographed (a Chinese page without a CJK font would show boxes, not characters).
    public static TheoryData<string> Languages => [.. PortalLanguages.Complete, .. PortalLanguages.ScriptOfPartlyTranslated.Keys.Order(StringComparer.Ordinal)];

    // axe takes most of a page's time and finds the same in French and Spanish as in English;
    // Arabic's right-to-left layout is checked on its own.
    private static readonly string[] AccessibilityCheckedIn = [PortalLanguages.English, .. PortalLanguages.RightToLeft];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_of_every_demo_users_navigation_passes_the_page_checks(string language)
    {
        var accessibility = AccessibilityCheckedIn.Contains(language);
        var problems = new ConcurrentQueue<string>();
        // A project in the public registry, so that its page is among those a visitor reaches.
        await new FundingScenario(suite).PublishedProjectAsync();
        IReadOnlyList<string> users;
        await using (var anonymous = await BrowserSession.OpenAsync(browser, suite))
        {
            users = await anonymous.DemoUsersOnSignInPageAsync();
            await anonymous.SwitchLanguageAsync(language);
            Enqueue(problems, await anonymous.PageProblemsAsync(accessibility: accessibility));
            await CrawlPublicPagesAsync(anonymous, language, accessibility, problems);
        }

        Assert.NotEmpty(users);
        await Parallel.ForEachAsync(users, UsersAtOnce, async (user, _) =>
        {
            await using var session = await BrowserSession.OpenAsync(browser, suite);
            await session.SignInAsync(user);
            await session.SwitchLanguageAsync(language);
            foreach (var path in (await session.NavigationPathsAsync()).Prepend(Home).Distinct(StringComparer.Ordinal))
            {
                try
                {
                    await session.GoToAsync(path);
                }
                catch (InvalidOperationException failure)
                {
                    // One broken page must not hide what the others would report.
                    problems.Enqueue($"{user} at {path} in {language}: {failure.Message}");
                    continue;
                }

                Enqueue(problems, await session.PageProblemsAsync(accessibility: accessibility));
            }
        });

        Assert.True(problems.IsEmpty, string.Join('\n', problems.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Signed out, the navigation holds the public pages (the registry); the first item of each of
    /// their lists is followed too, to a page no navigation names (a project's page).
    /// </summary>
    private static async Task CrawlPublicPagesAsync(BrowserSession anonymous, string language, bool accessibility, ConcurrentQueue<string> problems)
    {
        var paths = await anonymous.NavigationPathsAsync();
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            await anonymous.GoToAsync(path);
            Enqueue(problems, await anonymous.PageProblemsAsync(accessibility: accessibility));
            var firstItem = anonymous.Page.Locator("table.data-table tbody tr:first-child a").First;
            if (await firstItem.CountAsync() == 0)
            {
                problems.Enqueue($"anonymous at {path} in {language}: the list is empty though a project was published");
                continue;
            }

            await anonymous.GoToAsync(new Uri((await firstItem.EvaluateAsync<string>("link => link.href"))!).PathAndQuery);
            Enqueue(problems, await anonymous.PageProblemsAsync(accessibility: accessibility));
        }
    }

    private static void Enqueue(ConcurrentQueue<string> problems, IEnumerable<string> found)
    {
        foreach (var problem in found)
        {
            problems.Enqueue(problem);
        }
    }
}
