using System.Text.Json.Nodes;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;
using StackExchange.Redis;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Audit;

/// <summary>
/// The auditor's pages in a browser, through the gateway, against the real services: a request's
/// history verified and its checkpoint given back after more changes, the same page once the
/// stored request was edited behind the service's back (straight in Redis, as the tamper tests
/// of the assistance service do), and a pledge's ledger. Each page reached is checked and photographed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AuditFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    // A country the portal's other flows do not list, so an edited request shows in no one else's page.
    private const string Country = "LAO";

    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "portal-audit-coordinator"));

    [Fact]
    public async Task The_auditor_finds_a_request_by_its_reference_sees_its_history_verified_and_its_checkpoint_holds_after_more_changes()
    {
        var request = await SubmittedRequestAsync();
        await using var auditor = await SignedInAuditorAsync();
        await auditor.FollowNavigationAsync("/audit");
        await auditor.AssertPageIsCleanAsync("audit");

        await auditor.Page.GetByLabel("Request reference").FillAsync(request.Name);
        await auditor.ClickAndWaitForAsync(auditor.Page.GetByRole(AriaRole.Button, new() { Name = "Open" }), auditor.Page.Locator(".chain-verdict"));

        var page = new AuditPage(auditor.Page);
        Assert.EndsWith("/audit/" + request.Name, auditor.Page.Url, StringComparison.Ordinal);
        Assert.Equal("true", await page.Verdict.GetAttributeAsync("data-intact"));
        Assert.StartsWith("Verified. All 2 entries are intact", await page.VerdictText(), StringComparison.Ordinal);
        Assert.Equal(["Verified", "Verified"], await page.EntryVerdictsAsync());
        await auditor.AssertPageIsCleanAsync("audit-request-verified");

        var kept = await page.Checkpoint.InputValueAsync();
        await coordinator.ActAsync(request.Name, Action.BeginReview);
        await auditor.Page.ReloadAsync();
        await page.CheckAgainstAsync(auditor, kept);

        Assert.Contains("it was only extended since", await page.CheckResult.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.CheckResult.Locator(".chain-verdict").GetAttributeAsync("data-intact"));
        // The new checkpoint is shown once, above the form, not again in the result.
        Assert.Equal(0, await page.CheckResult.Locator("textarea").CountAsync());
        await auditor.AssertPageIsCleanAsync("audit-request-checkpoint-holds");
    }

    [Fact]
    public async Task A_checkpoint_altered_after_it_was_copied_is_refused_next_to_the_box_in_the_readers_language()
    {
        var request = await SubmittedRequestAsync();
        await using var auditor = await SignedInAuditorAsync();
        await auditor.SwitchLanguageAsync("fr");
        await auditor.GoToAsync("/audit/" + request.Name);
        var page = new AuditPage(auditor.Page);
        var kept = JsonNode.Parse(await page.Checkpoint.InputValueAsync())!.AsObject();
        // One more entry than the service signed (protobuf JSON writes int64 as a string): the signature no longer matches.
        kept["length"] = "3";

        await page.CheckAgainstAsync(auditor, kept.ToJsonString());

        Assert.Contains("n'a pas été signé par ce service", await page.CheckMessage.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.CheckBox.GetAttributeAsync("aria-invalid"));
        await auditor.AssertPageIsCleanAsync("audit-request-checkpoint-refused");

        // The message by the box is already there: wait for its new words.
        await page.CheckBox.FillAsync("not a checkpoint");
        await auditor.Page.Locator(".checkpoint-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.CheckMessage).ToContainTextAsync("accolade ouvrante");
    }

    [Fact]
    public async Task A_request_edited_in_redis_behind_its_history_shows_as_broken_at_its_latest_entry_in_words()
    {
        var request = await SubmittedRequestAsync();
        await using var auditor = await SignedInAuditorAsync();

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        RedisKey key = $"assistance:{request.Name.Replace('/', ':')}";
        var original = await database.StringGetAsync(key);
        var stored = JsonNode.Parse((string)original!)!.AsObject();
        stored["FocalPoint"]!["Email"] = "attacker@example.org";
        await database.StringSetAsync(key, stored.ToJsonString());
        try
        {
            await auditor.GoToAsync("/audit/" + request.Name);
            var page = new AuditPage(auditor.Page);

            Assert.Equal("false", await page.Verdict.GetAttributeAsync("data-intact"));
            Assert.StartsWith("Broken at entry 2.", await page.VerdictText(), StringComparison.Ordinal);
            Assert.Contains("changed without a history entry", await page.VerdictText(), StringComparison.Ordinal);
            Assert.Equal(["Verified", "Does not verify"], await page.EntryVerdictsAsync());
            Assert.Equal(0, await page.Checkpoint.CountAsync());
            await auditor.AssertPageIsCleanAsync("audit-request-broken");
        }
        finally
        {
            await database.StringSetAsync(key, original);
        }
    }

    [Fact]
    public async Task The_auditor_opens_a_pledge_from_its_donors_list_and_sees_its_ledger_verified()
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(1_000);
        var donor = string.Join('/', pledge.Name.Split('/')[..2]);
        await using var auditor = await SignedInAuditorAsync();
        await auditor.GoToAsync("/audit/pledges?donor=" + donor);
        await auditor.AssertPageIsCleanAsync("audit-pledges");

        await auditor.ClickAndWaitForAsync(auditor.Page.Locator($"a[href='audit/{pledge.Name}']"), auditor.Page.Locator(".chain-verdict"));
        var page = new AuditPage(auditor.Page);

        Assert.StartsWith("Verified. All 2 entries are intact", await page.VerdictText(), StringComparison.Ordinal);
        Assert.Contains(pledge.Name, await page.Checkpoint.InputValueAsync(), StringComparison.Ordinal);
        await auditor.AssertPageIsCleanAsync("audit-pledge-verified");
    }

    private Task<AssistanceRequest> SubmittedRequestAsync() => coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest(Country));

    private async Task<BrowserSession> SignedInAuditorAsync()
    {
        var auditor = await BrowserSession.OpenAsync(browser, suite);
        await auditor.SignInAsync(DemoUsers.Auditor);
        return auditor;
    }
}
