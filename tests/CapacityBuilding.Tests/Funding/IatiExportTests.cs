using System.Xml.Linq;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Funding.Iati;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using CapacityBuilding.Contracts.Assistance.V1;
using AssistanceRequest = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// The IATI export passes what IATI checks (the 2.03 schema, the IATI Standard ruleset, the code
/// lists: <see cref="IatiValidation"/>) and says what happened, from the reporting organisation's side.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class IatiExportTests(SuiteFixture suite)
{
    private const string ReportingOrganisation = "XM-DAC-41128";

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Money_in_is_an_incoming_commitment_from_the_donor_and_money_paid_out_an_expenditure_of_the_reporting_organisation()
    {
        var donor = await scenario.DonorAsync("IATI donor", "XM-DAC-7");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(5_000, "EUR") });
        var request = await scenario.RequestAsync("PRY");
        await scenario.ConsentToPublishAsync(request);
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "EUR", Units = 1_200, Nanos = 500_000_000 }))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "EUR", Units = 200 }, DisbursementDate = FundingScenario.Today },
        });

        var export = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());

        Assert.Empty(IatiValidation.Problems(export.Xml));
        var document = XDocument.Parse(export.Xml);
        Assert.Equal(document.Root!.Elements("iati-activity").Count(), export.ActivityCount);
        var activity = ActivityOf(document, request);
        Assert.Equal("PY", activity.Element("recipient-country")?.Attribute("code")?.Value);
        Assert.Contains(activity.Elements("participating-org"), org => org.Attribute("ref")?.Value == "XM-DAC-7" && org.Attribute("role")?.Value == "1");
        Assert.Equal(["2", "3", "4"], activity.Elements("participating-org").Where(org => org.Attribute("ref")?.Value == ReportingOrganisation).Select(org => org.Attribute("role")!.Value));
        var transactions = activity.Elements("transaction").Select(transaction => (
            Type: transaction.Element("transaction-type")!.Attribute("code")!.Value,
            Value: transaction.Element("value")!.Value,
            Provider: transaction.Element("provider-org")?.Attribute("ref")?.Value,
            Receiver: transaction.Element("receiver-org")?.Attribute("ref")?.Value));
        Assert.Equal([("11", "1200.5", "XM-DAC-7", ReportingOrganisation), ("4", "200", ReportingOrganisation, null)], transactions);
    }

    [Fact]
    public async Task Money_received_on_a_pledge_is_incoming_funds_shared_by_its_activities_pro_rata_to_what_the_pledge_committed_to_each()
    {
        var donor = await scenario.DonorAsync("Contributing donor", "XM-DAC-6");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(1_000) });
        var (larger, smaller) = (await scenario.ConsentToPublishAsync(await scenario.RequestAsync()), await scenario.ConsentToPublishAsync(await scenario.RequestAsync()));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, larger, new Money { CurrencyCode = "USD", Units = 300 }));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, smaller, new Money { CurrencyCode = "USD", Units = 100 }));
        var received = FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(-3));
        await scenario.Funding.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = pledge.Name,
            Contribution = new Contribution { Amount = new Money { CurrencyCode = "USD", Units = 500 }, ReceivedDate = received },
        });
        await scenario.Funding.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = pledge.Name,
            Contribution = new Contribution { Amount = new Money { CurrencyCode = "USD", Units = 0, Nanos = 10 }, ReceivedDate = received },
        });

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        Assert.Empty(IatiValidation.Problems(xml));
        // 300 and 100 of the pledge's 1,000 are committed: 30% and 10% of each payment, to the nano, rounded down; the rest is for no activity yet.
        Assert.Equal([("150", "XM-DAC-6", ReportingOrganisation), ("0.000000003", "XM-DAC-6", ReportingOrganisation)], IncomingFundsOf(XDocument.Parse(xml), larger));
        Assert.Equal([("50", "XM-DAC-6", ReportingOrganisation), ("0.000000001", "XM-DAC-6", ReportingOrganisation)], IncomingFundsOf(XDocument.Parse(xml), smaller));
        Assert.All(ActivityOf(XDocument.Parse(xml), larger).Elements("transaction").Where(IsIncomingFunds),
            transaction => Assert.Equal($"{received.Year:D4}-{received.Month:D2}-{received.Day:D2}", transaction.Element("transaction-date")!.Attribute("iso-date")!.Value));
    }

    [Fact]
    public async Task Dates_come_from_the_request_budgets_are_cut_into_years_and_every_narrative_names_its_language()
    {
        var draft = Assistance.RequestLifecycleDriver.CompleteRequest("GHA", SampleData.UniqueTitle("multi-year"));
        draft.DesiredStart = new Date { Year = 2027, Month = 3, Day = 1 };
        draft.DesiredEnd = new Date { Year = 2029, Month = 8, Day = 31 };
        draft.Languages.Clear();
        draft.Languages.Add(["fr", "en"]);
        draft.ThematicAreas.Clear();
        draft.ThematicAreas.Add([ThematicArea.Legislation, ThematicArea.ElectronicEvidence, ThematicArea.Prevention]);
        var request = await new Assistance.RequestLifecycleDriver(scenario.Assistance).CreateInStateAsync(AssistanceRequest.Types.State.Approved, draft);
        await scenario.ConsentToPublishAsync(request);
        var pledge = await scenario.PledgeAsync(1_000);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }));

        var first = ActivityOf(XDocument.Parse((await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml), request);
        await Task.Delay(TimeSpan.FromMilliseconds(1_100));
        var again = ActivityOf(XDocument.Parse((await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml), request);

        Assert.Equal(
            [("1", "2027-03-01"), ("3", "2029-08-31")],
            first.Elements("activity-date").Select(date => (date.Attribute("type")!.Value, date.Attribute("iso-date")!.Value)));
        Assert.Equal(
            [("2027-03-01", "2028-02-29"), ("2028-03-01", "2029-02-28"), ("2029-03-01", "2029-08-31")],
            first.Elements("budget").Select(budget => (budget.Element("period-start")!.Attribute("iso-date")!.Value, budget.Element("period-end")!.Attribute("iso-date")!.Value)));
        Assert.Equal(180_000m, first.Elements("budget").Sum(budget => decimal.Parse(budget.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(first.Descendants("narrative"), narrative => Assert.NotNull(narrative.Attribute(XNamespace.Xml + "lang")));
        Assert.Equal("fr", first.Element("title")!.Element("narrative")!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(["LEGISLATION", "ELECTRONIC_EVIDENCE", "PREVENTION"], first.Elements("sector").Where(sector => sector.Attribute("vocabulary")?.Value == "99").Select(sector => sector.Attribute("code")!.Value[("THEMATIC_AREA_".Length)..]));
        Assert.All(first.Elements("sector").Where(sector => sector.Attribute("vocabulary")?.Value == "99"), sector =>
        {
            Assert.NotEmpty(sector.Element("narrative")!.Value);
            Assert.NotNull(sector.Attribute("vocabulary-uri"));
        });
        // The activity changed when its allocation was made, not when the file was generated.
        Assert.Equal(first.Attribute("last-updated-datetime")!.Value, again.Attribute("last-updated-datetime")!.Value);
    }

    [Fact]
    public async Task A_withdrawn_request_with_money_paid_out_is_a_cancelled_activity()
    {
        var donor = await scenario.DonorAsync("Withdrawn donor", "XM-DAC-7");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(100) });
        var request = await scenario.RequestAsync();
        await scenario.ConsentToPublishAsync(request);
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 10 }, DisbursementDate = FundingScenario.Today },
        });
        await new Assistance.RequestLifecycleDriver(scenario.Assistance).ActAsync(request.Name, Contracts.Assistance.V1.HistoryEntry.Types.Action.Withdraw);

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        Assert.Equal("5", ActivityOf(XDocument.Parse(xml), request).Element("activity-status")?.Attribute("code")?.Value);
    }

    [Fact]
    public async Task Texts_with_characters_xml_cannot_carry_are_exported_with_replacement_characters()
    {
        // The noncharacter U+FFFF passes validation (control characters and U+FFFE no longer do); the
        // export once answered INTERNAL for such texts (found by fuzzing).
        var request = Assistance.RequestLifecycleDriver.CompleteRequest(title: "Unit \uFFFF of \uFFFF cybercrime");
        request.Description = request.Title;
        var approved = await new Assistance.RequestLifecycleDriver(scenario.Assistance).CreateInStateAsync(AssistanceRequest.Types.State.Approved, request);
        await scenario.ConsentToPublishAsync(approved);
        var donor = await scenario.DonorAsync("Donor\uFFFF", "XM-DAC-8");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(100) });
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, approved, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        try
        {
            var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

            var activity = ActivityOf(XDocument.Parse(xml), approved);
            Assert.Equal("Unit \uFFFD of \uFFFD cybercrime", activity.Element("title")?.Element("narrative")?.Value);
            Assert.Contains(activity.Elements("participating-org"), org => org.Element("narrative")?.Value == "Donor\uFFFD");
        }
        finally
        {
            // Released and undisbursed, the request leaves the export that other tests validate.
            await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
        }
    }

    [Fact]
    public async Task With_nothing_to_publish_the_export_is_no_document()
    {
        // IATI's schema requires at least one activity; a donor that funds nothing has none.
        var donor = await scenario.DonorAsync("Donor funding nothing", "XM-DAC-9");
        var asDonor = suite.FundingClient(suite.Tokens.Mint(CallerRole.Donor, "iati-donor", donorId: donor.Name["donors/".Length..]));

        var export = await asDonor.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());

        Assert.Equal(("", 0), (export.Xml, export.ActivityCount));
    }

    [Fact]
    public async Task A_request_is_published_only_while_its_state_consents_and_the_export_counts_what_it_withholds()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync("KEN");
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }));

        var unconsented = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());
        var consented = await scenario.ConsentToPublishAsync(request);
        var published = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());
        var refused = await scenario.ConsentToPublishAsync(request, publish: false);
        var withdrawn = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());

        Assert.DoesNotContain(IdOf(request), unconsented.Xml, StringComparison.Ordinal);
        Assert.True(unconsented.WithheldActivityCount >= 1);
        Assert.Equal((true, "focal-point-KEN"), (consented.PublicationConsent.Publish, consented.PublicationConsent.DecidedBy));
        ActivityOf(XDocument.Parse(published.Xml), request);
        Assert.Equal(unconsented.WithheldActivityCount - 1, published.WithheldActivityCount);
        Assert.False(refused.PublicationConsent.Publish);
        Assert.DoesNotContain(IdOf(request), withdrawn.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_requesting_state_can_consent_to_publication()
    {
        var request = await scenario.RequestAsync("KEN");
        var consent = new SetAssistanceRequestPublicationConsentRequest { Name = request.Name, Publish = true };

        await RichErrors.FailsWith(Grpc.Core.StatusCode.PermissionDenied, () => scenario.Assistance.SetAssistanceRequestPublicationConsentAsync(consent).ResponseAsync);
        await RichErrors.FailsWith(Grpc.Core.StatusCode.NotFound, () =>
            suite.AssistanceClient(suite.Tokens.Mint(CallerRole.MemberState, "focal-point-GHA", country: "GHA")).SetAssistanceRequestPublicationConsentAsync(consent).ResponseAsync);
        Assert.Null((await scenario.Assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.PublicationConsent);
    }

    [Fact]
    public async Task Pages_hold_at_most_page_size_activities_each_request_on_exactly_one_page()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var requests = new List<AssistanceRequest>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add(await scenario.ConsentToPublishAsync(await scenario.RequestAsync()));
        }

        // Interleaved, so a request's allocations fall on different pages of the walk.
        foreach (var request in requests.Concat(requests))
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }));
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = 2, PageToken = token });
            Assert.InRange(page.ActivityCount, 0, 2);
            if (page.ActivityCount > 0)
            {
                Assert.Empty(IatiValidation.Problems(page.Xml));
                seen.AddRange(XDocument.Parse(page.Xml).Root!.Elements("iati-activity").Select(activity => activity.Element("iati-identifier")!.Value));
            }

            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && !requests.All(request => seen.Contains(IdOf(request))));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(requests, request => Assert.Single(seen, IdOf(request)));
        Assert.True(pages >= 3, $"six allocations two at a time take at least three pages; took {pages}.");
    }

    private static IEnumerable<(string Value, string? Provider, string? Receiver)> IncomingFundsOf(XDocument document, AssistanceRequest request) =>
        ActivityOf(document, request).Elements("transaction").Where(IsIncomingFunds).Select(transaction => (
            transaction.Element("value")!.Value,
            transaction.Element("provider-org")?.Attribute("ref")?.Value,
            transaction.Element("receiver-org")?.Attribute("ref")?.Value));

    private static bool IsIncomingFunds(XElement transaction) => transaction.Element("transaction-type")!.Attribute("code")!.Value == "1";

    private static string IdOf(AssistanceRequest request) => $"{ReportingOrganisation}-{request.Name["requests/".Length..]}";

    private static XElement ActivityOf(XDocument document, AssistanceRequest request) =>
        Assert.Single(document.Root!.Elements("iati-activity"),
            element => element.Element("iati-identifier")!.Value == IdOf(request));
}
