using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;

namespace CapacityBuilding.Tests.Portal.Funding;

/// <summary>
/// What a funding page test needs besides the approved requests of <see cref="Tests.Funding.FundingScenario"/>:
/// the donor a signed-in donor session acts for, and a pledge of its own from that donor,
/// earmarked for the theme and country of those requests.
/// </summary>
internal static class FundingPagesSetup
{
    /// <summary>The donor a signed-in donor session acts for, as its page links to it (<c>donors/{donor}</c>).</summary>
    public static async Task<string> DonorOfAsync(BrowserSession donor)
    {
        await donor.GoToAsync("/funding/mine");
        var href = await donor.Page.Locator("a.my-donor-record").GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The donor's page does not link to its donor record.");
        return href["funding/".Length..];
    }

    public static async Task<Pledge> PledgeAsync(SuiteFixture suite, string donor, long units)
    {
        var pledge = SampleData.Pledge(units);
        pledge.Earmarks = new Earmarks { ThematicAreas = { ThematicArea.ElectronicEvidence }, Countries = { "GHA" } };
        // Committed: only committed money can be allocated.
        var funding = new FundingService.FundingServiceClient(suite.Gateway);
        var created = (await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor, Pledge = pledge })).Pledge;
        return (await funding.CommitPledgeAsync(new CommitPledgeRequest { Name = created.Name })).Pledge;
    }
}
