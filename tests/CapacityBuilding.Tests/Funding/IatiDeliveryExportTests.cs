using System.Xml.Linq;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Funding.Iati;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using AssistanceRequest = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// What delivery adds to an activity of the IATI file: its results (the request's outcomes, read
/// from assistance) and its actual dates (from the delivered events), held to IATI's checks.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class IatiDeliveryExportTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    private readonly AssistanceService.AssistanceServiceClient training = new(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("training")));

    [Fact]
    public async Task Outcomes_are_results_with_the_baseline_and_periods_up_to_the_target_and_after_it()
    {
        var request = await PublishedAsync(State.Approved);
        var outcome = RequestLifecycleDriver.Outcome("Prosecutors bring electronic evidence to court");
        var indicator = outcome.Indicators[0];
        indicator.Baseline = new IndicatorValue { Value = 3, Date = Day(2025, 1, 15), Comment = "Before the first course" };
        indicator.Target = new IndicatorValue { Value = 40, Date = Day(2025, 6, 30) };
        indicator.Actuals.Add(new IndicatorValue { Value = 12.5, Date = Day(2025, 3, 1) });
        indicator.Actuals.Add(new IndicatorValue { Value = 20, Date = Day(2025, 5, 1), Comment = "After the second course" });
        indicator.Actuals.Add(new IndicatorValue { Value = 41, Date = Day(2025, 9, 1) });
        outcome.Indicators.Add(new Indicator
        {
            Title = "Share of cases with admitted electronic evidence",
            Measure = Indicator.Types.Measure.Percentage,
            Baseline = new IndicatorValue { Value = 10, Date = Day(2025, 1, 15) },
            Target = new IndicatorValue { Value = 60, Date = Day(2027, 12, 31) },
        });
        await scenario.Assistance.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = outcome });

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        Assert.Empty(IatiValidation.Problems(xml));
        var result = Assert.Single(ActivityOf(xml, request).Elements("result"));
        Assert.Equal(("2", "Prosecutors bring electronic evidence to court"), (result.Attribute("type")!.Value, result.Element("title")!.Element("narrative")!.Value));
        var (counted, percentage) = (result.Elements("indicator").First(), result.Elements("indicator").Last());
        Assert.Equal(("1", "investigators"), (counted.Attribute("measure")!.Value, counted.Element("description")!.Element("narrative")!.Value));
        var baseline = counted.Element("baseline")!;
        Assert.Equal(("2025", "2025-01-15", "3", "Before the first course"),
            (baseline.Attribute("year")!.Value, baseline.Attribute("iso-date")!.Value, baseline.Attribute("value")!.Value, baseline.Element("comment")!.Element("narrative")!.Value));
        Assert.Equal(
            [("2025-01-15", "2025-06-30", "40", "20"), ("2025-07-01", "2025-09-01", null, "41")],
            counted.Elements("period").Select(period => (
                period.Element("period-start")!.Attribute("iso-date")!.Value,
                period.Element("period-end")!.Attribute("iso-date")!.Value,
                period.Element("target")?.Attribute("value")!.Value,
                period.Element("actual")?.Attribute("value")!.Value)));
        Assert.Equal(("2", "2025-01-15", "2027-12-31", "60", null),
            (percentage.Attribute("measure")!.Value,
                percentage.Element("period")!.Element("period-start")!.Attribute("iso-date")!.Value,
                percentage.Element("period")!.Element("period-end")!.Attribute("iso-date")!.Value,
                percentage.Element("period")!.Element("target")!.Attribute("value")!.Value,
                percentage.Element("period")!.Element("actual")));
    }

    [Fact]
    public async Task Delivered_events_are_the_actual_dates_and_dates_still_to_come_are_left_out()
    {
        var delivered = await PublishedAsync(State.InDelivery);
        var ahead = await PublishedAsync(State.InDelivery);
        var today = DateOnly.FromDateTime(System.DateTime.UtcNow);
        await DeliverAsync(delivered, today.AddDays(-20), today.AddDays(-18));
        await DeliverAsync(delivered, today.AddDays(-9), today.AddDays(-7));
        await DeliverAsync(ahead, today.AddDays(-1), today.AddDays(30));

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        Assert.Empty(IatiValidation.Problems(xml));
        Assert.Equal([("2", Iso(today.AddDays(-20))), ("4", Iso(today.AddDays(-7)))], ActualDatesOf(ActivityOf(xml, delivered)));
        Assert.Equal([("2", Iso(today.AddDays(-1)))], ActualDatesOf(ActivityOf(xml, ahead)));
    }

    [Fact]
    public async Task Parts_the_state_withholds_are_left_out_of_the_file_which_still_passes_IATI_checks_and_the_export_says_which()
    {
        var request = await PublishedAsync(State.InDelivery, "Case handling in the cybercrime unit of the national police");
        var today = DateOnly.FromDateTime(System.DateTime.UtcNow);
        await DeliverAsync(request, today.AddDays(-9), today.AddDays(-7));
        await scenario.Assistance.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = RequestLifecycleDriver.Outcome("Judges weigh electronic evidence") });
        var withheld = new[] { WithheldField.Description, WithheldField.Budget, WithheldField.Results, WithheldField.ActualDates };
        var partsOf = (XElement activity) => new[] { "budget", "result" }.Where(part => activity.Element(part) is not null).Concat(ActualDatesOf(activity).Select(date => "activity-date " + date.Item1));
        var descriptionOf = (XElement activity) => activity.Element("description")!.Element("narrative")!.Value;

        var whole = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());
        var consent = (await scenario.ConsentToPublishAsync(request, true, withheld)).PublicationConsent;
        var partial = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest());

        Assert.Equal(["budget", "result", "activity-date 2", "activity-date 4"], partsOf(ActivityOf(whole.Xml, request)));
        Assert.Equal((request.Description, request.Title), (descriptionOf(ActivityOf(whole.Xml, request)), descriptionOf(ActivityOf(partial.Xml, request))));
        Assert.DoesNotContain(request.Description, partial.Xml, StringComparison.Ordinal);
        Assert.Equal(withheld, consent.WithheldFields);
        Assert.Empty(IatiValidation.Problems(partial.Xml));
        Assert.Empty(partsOf(ActivityOf(partial.Xml, request)));
        Assert.Equal(["description", "budget", "result", "activity-date"],
            Assert.Single(partial.WithheldParts, parts => parts.IatiIdentifier == IdOf(request)).IatiElements);
        Assert.DoesNotContain(whole.WithheldParts, parts => parts.IatiIdentifier == IdOf(request));
    }

    [Fact]
    public async Task A_suspended_request_is_a_suspended_activity_and_in_implementation_again_once_resumed()
    {
        var request = await PublishedAsync(State.InDelivery);
        var driver = new RequestLifecycleDriver(scenario.Assistance);
        var statusOf = (string xml) => ActivityOf(xml, request).Element("activity-status")!.Attribute("code")!.Value;

        await driver.ActAsync(request.Name, Action.Suspend, reason: "Funding freeze while the donor reviews the programme.");
        var suspended = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;
        await driver.ActAsync(request.Name, Action.Resume);
        var resumed = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        Assert.Empty(IatiValidation.Problems(suspended));
        Assert.Equal(("6", "2"), (statusOf(suspended), statusOf(resumed)));
    }

    /// <summary>A request approved, consented to and funded (money is allocated to approved requests only), then brought to <paramref name="state"/>.</summary>
    private async Task<AssistanceRequest> PublishedAsync(State state, string description = "")
    {
        var request = await scenario.ConsentToPublishAsync(await scenario.RequestAsync(description: description));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(await scenario.PledgeAsync(100), request, new Money { CurrencyCode = "USD", Units = 10 }));
        return state == State.InDelivery ? await new RequestLifecycleDriver(scenario.Assistance).ActAsync(request.Name, Action.StartDelivery) : request;
    }

    private async Task DeliverAsync(AssistanceRequest request, DateOnly start, DateOnly end) =>
        await training.RecordDeliveryEventAsync(new RecordDeliveryEventRequest
        {
            Name = request.Name, Event = $"events/{Guid.CreateVersion7():N}", Action = Action.EventDeliver,
            StartDate = Day(start.Year, start.Month, start.Day), EndDate = Day(end.Year, end.Month, end.Day),
        });

    private static IEnumerable<(string, string)> ActualDatesOf(XElement activity) =>
        activity.Elements("activity-date").Where(date => date.Attribute("type")!.Value is "2" or "4").Select(date => (date.Attribute("type")!.Value, date.Attribute("iso-date")!.Value));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static string IdOf(AssistanceRequest request) => $"XM-DAC-41128-{request.Name["requests/".Length..]}";

    private static XElement ActivityOf(string xml, AssistanceRequest request) =>
        Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"), element => element.Element("iati-identifier")!.Value == IdOf(request));
}
