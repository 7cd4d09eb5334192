using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>
/// The import in a browser: a coordinator reaches it from the navigation, uploads a CSV with a bad
/// row, watches the check's progress and reads its report (the bad row's column and message),
/// imports, and imports the same file again: the second import creates nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ImportFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_checks_a_file_with_a_bad_row_imports_it_and_importing_it_again_creates_nothing()
    {
        var (good, bad) = (SampleData.UniqueTitle("flow donor"), SampleData.UniqueTitle("flow bad donor"));
        var file = Path.Combine(Path.GetTempPath(), $"donors-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"Row key,Donor name,Donor kind,Country,IATI identifier\nr1,{good},State,NOR,\nr2,{bad},State,NOR,XX\n");
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        await coordinator.GoToAsync("/");
        await coordinator.FollowNavigationAsync("/import");
        await coordinator.AssertPageIsCleanAsync("import");

        for (var round = 1; round <= 2; round++)
        {
            await CheckAsync(coordinator, file);
            var report = coordinator.Page.Locator("table", new() { Has = coordinator.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Problem" }) });
            var badRow = report.Locator("tbody tr").First;
            Assert.Equal("3", await badRow.Locator("td").Nth(0).InnerTextAsync());
            Assert.Equal("IATI identifier", await badRow.Locator("td").Nth(1).InnerTextAsync());
            if (round == 1)
            {
                await coordinator.AssertPageIsCleanAsync("import-check");
            }

            await coordinator.ClickAndWaitForAsync(coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Import the rows" }), Finished(coordinator));
            var counts = await coordinator.Page.Locator("#import-run [role=status] p").InnerTextAsync();
            Assert.Equal(round == 1 ? "2 rows done, 1 with problems, 1 created, 0 already imported before." : "2 rows done, 1 with problems, 0 created, 1 already imported before.", counts);
            await coordinator.GoToAsync("/import");
        }

        var donors = await DonorNames.AllAsync(new FundingService.FundingServiceClient(suite.Gateway));
        Assert.Single(donors, name => name == good);
        Assert.DoesNotContain(bad, donors);
        File.Delete(file);
    }

    private static async Task CheckAsync(BrowserSession coordinator, string file)
    {
        await coordinator.Page.GetByLabel("What the file holds").SelectOptionAsync("donors");
        await coordinator.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(file);
        await coordinator.ClickAndWaitForAsync(coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }), Finished(coordinator));
    }

    /// <summary>The status region once the run is over (the page's script swaps it in while it runs).</summary>
    private static ILocator Finished(BrowserSession coordinator) => coordinator.Page.Locator("#import-run:not([data-import-running])");
}
