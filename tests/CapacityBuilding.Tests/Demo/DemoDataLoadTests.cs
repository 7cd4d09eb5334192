using System.Text.Json.Nodes;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData;
using CapacityBuilding.DemoData.Files;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Net.Client;

namespace CapacityBuilding.Tests.Demo;

/// <summary>
/// The demo loader through a real gateway, twice: the second run changes nothing, every request
/// ends in its target state with one allocation per entry and its outcomes once each, measured,
/// the IATI export of it passes IATI's checks, and the demo donor sees what it funds; and over a
/// store an earlier version of the demo filled, a load converges instead of stopping. The demo's donors, requests and
/// allocations would change what other tests count, so each load gets services, a gateway and a
/// Redis database of its own (the fixture's redis-server, databases 1 and 2).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DemoDataLoadTests(SuiteFixture suite)
{
    [Fact]
    public async Task Loading_twice_reaches_every_target_state_makes_each_allocation_once_and_shows_the_donor_what_it_funds()
    {
        var data = DemoFiles.Read(DemoFilesTests.DataFolder);
        var gateway = await StartOwnStackAsync(database: 1);
        var focalPoints = FocalPoints(gateway);
        var loader = new DemoDataLoader(suite.Channel(gateway), TextWriter.Null, focalPoints);

        var first = await loader.LoadAsync(data, CancellationToken.None);
        var secondOutput = new StringWriter();
        var second = await new DemoDataLoader(suite.Channel(gateway), secondOutput, focalPoints).LoadAsync(data, CancellationToken.None);

        Assert.Equal(first.FundingDonorId, second.FundingDonorId);
        Assert.Contains($"requests: {data.Requests.Count} loaded, 0 lifecycle steps up to approval applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("(0 now)", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("requests: 0 delivery steps applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"offers: {data.Offers.Count} loaded, 0 made now, 0 answered now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"events: {data.Delivery.Events.Count} loaded, 0 lifecycle steps applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 follow-ups recorded now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("with other content: 0 found", secondOutput.ToString(), StringComparison.Ordinal);

        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(gateway));
        var stored = (await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 100 })).AssistanceRequests;
        Assert.Equal(
            data.Requests.Select(entry => (entry.AssistanceRequest.Title, entry.TargetState)).Order(),
            stored.Select(request => (request.Title, request.State)).Order());

        var outcomeEntries = data.Requests.Where(entry => entry.Outcomes is { Count: > 0 }).ToList();
        Assert.NotEmpty(outcomeEntries);
        Assert.Contains($"outcomes: {outcomeEntries.Sum(entry => entry.Outcomes!.Count)} loaded", secondOutput.ToString(), StringComparison.Ordinal);
        foreach (var entry in outcomeEntries)
        {
            var request = stored.Single(request => request.Title == entry.AssistanceRequest.Title);
            var outcomes = (await assistance.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes;
            Assert.Equal(entry.Outcomes!.Select(outcome => outcome.Outcome.Statement), outcomes.Select(outcome => outcome.Statement));
            Assert.All(outcomes.SelectMany(outcome => outcome.Indicators), indicator => Assert.NotEmpty(indicator.Actuals));
        }

        var funding = new FundingService.FundingServiceClient(suite.Channel(gateway));
        var allocations = (await funding.ListAllocationsAsync(new ListAllocationsRequest { PageSize = 100 })).Allocations;
        var allocationEntries = data.Donors.SelectMany(donor => donor.Pledges).SelectMany(pledge => pledge.Allocations ?? []).ToList();
        // Besides the allocations of the data, the demo's money offers hold (or held) theirs.
        var moneyOffers = data.Offers.Where(entry => entry.PledgeKey is not null).ToList();
        Assert.Equal(allocationEntries.Count + moneyOffers.Count, allocations.Count);
        Assert.Equal(allocationEntries.Count, allocations.Count(allocation => allocation.State == Allocation.Types.State.Active));
        var disbursements = await Task.WhenAll(allocations.Select(async allocation =>
            (await funding.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = allocation.Name })).Disbursements.Count));
        Assert.Equal(allocationEntries.Sum(entry => entry.Disbursements?.Count ?? 0), disbursements.Sum());

        // The demo's IATI export: the funded requests the data marks, consented by their focal point at
        // the load (so the public registry is not empty), the others withheld until their states
        // consent; then one activity per funded request, accepted by IATI's schema, ruleset and code lists.
        var fundedRequests = stored.Where(request => allocations.Any(allocation => allocation.AssistanceRequest == request.Name)).ToList();
        var consented = stored.Where(request => request.PublicationConsent?.Publish == true).ToList();
        Assert.Equal(data.Requests.Where(entry => entry.Publish).Select(entry => entry.AssistanceRequest.Title).Order(), consented.Select(request => request.Title).Order());
        Assert.NotEmpty(consented.Intersect(fundedRequests));
        // Each publishing state consented through its own focal point: the export shows several countries' projects.
        Assert.Equal(["GHA", "SEN", "VNM"], consented.Intersect(fundedRequests).Select(request => request.RequestingState).Distinct().Order());
        // The suspended request carries the reason its suspension gave.
        var suspendedEntry = data.Requests.Single(entry => entry.TargetState == AssistanceRequest.Types.State.Suspended);
        var suspended = stored.Single(request => request.Title == suspendedEntry.AssistanceRequest.Title);
        var history = (await assistance.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = suspended.Name, PageSize = 100 })).HistoryEntries;
        Assert.Equal(suspendedEntry.SuspensionReason, history.Last(entry => entry.Action == HistoryEntry.Types.Action.Suspend).Reason);
        Assert.Contains($"publication consents: {consented.Count} loaded, 0 given now", secondOutput.ToString(), StringComparison.Ordinal);
        var demoExport = await funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = 500 });
        var consentedFunded = consented.Intersect(fundedRequests).Count();
        Assert.Equal((consentedFunded, fundedRequests.Count - consentedFunded, ""), (demoExport.ActivityCount, demoExport.WithheldActivityCount, demoExport.NextPageToken));
        foreach (var request in fundedRequests)
        {
            var focalPoint = new AssistanceService.AssistanceServiceClient(
                suite.Channel(gateway, suite.Tokens.Mint(CallerRole.MemberState, "focal-point-" + request.RequestingState, country: request.RequestingState)));
            await focalPoint.SetAssistanceRequestPublicationConsentAsync(new SetAssistanceRequestPublicationConsentRequest { Name = request.Name, Publish = true });
        }

        var export = await funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = 500 });
        Assert.Equal((fundedRequests.Count, 0, ""), (export.ActivityCount, export.WithheldActivityCount, export.NextPageToken));
        Assert.Empty(Funding.Iati.IatiValidation.Problems(export.Xml));

        // Money paid in is recorded once however often the loader runs; the demo donor has open needs to fund.
        var paidUnits = data.Donors.SelectMany(donor => donor.Pledges).SelectMany(pledge => pledge.Contributions ?? []).Sum(entry => entry.Contribution.Amount.Units);
        Assert.True(paidUnits > 0);
        Assert.Equal(paidUnits, (await funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary.Programme.PaidUsd.Units);
        Assert.NotEmpty((await funding.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = "donors/" + second.FundingDonorId })).OpenNeeds);
        // A delivered workshop with experts, evaluated by all three groups, with follow-ups.
        var training = new TrainingService.TrainingServiceClient(suite.Channel(gateway));
        var events = (await training.ListDeliveryEventsAsync(new ListDeliveryEventsRequest())).DeliveryEvents;
        var workshop = Assert.Single(events);
        Assert.Equal((DeliveryEvent.Types.Kind.Workshop, DeliveryEvent.Types.State.Delivered, 2), (workshop.Kind, workshop.State, workshop.Experts.Count));
        var summary = (await training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{workshop.Name}/evaluationSummary" })).EvaluationSummary;
        Assert.Equal([Respondent.Participant, Respondent.Expert, Respondent.HostInstitution], summary.Respondents.Select(group => group.Respondent));
        Assert.True(summary.Behaviour.RatingCount > 0);
        // A course session delivered for the same request, evaluated by all three groups with follow-ups: its request's summary counts both.
        Assert.Contains($"session evaluations: {data.Delivery.Sessions!.Sum(session => session.Evaluations.Count)} loaded, 0 follow-ups recorded now", secondOutput.ToString(), StringComparison.Ordinal);
        var ofRequest = (await training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{workshop.AssistanceRequest}/evaluationSummary" })).EvaluationSummary;
        Assert.Equal(data.Delivery.Events.Sum(entry => entry.Evaluations.Count) + data.Delivery.Sessions!.Sum(session => session.Evaluations.Count), ofRequest.EvaluationCount);
        Assert.All(ofRequest.Respondents, group => Assert.True(group.FollowUpCount > 0 || group.Respondent == Respondent.Expert));

        // The loader names the first donor in donors.json whose pledges allocate money, and that
        // donor sees exactly the requests they fund.
        Assert.NotNull(second.FundingDonorId);
        var donorToken = suite.Tokens.Mint(CallerRole.Donor, "test-donor", donorId: second.FundingDonorId);
        var asDonor = new AssistanceService.AssistanceServiceClient(suite.Channel(gateway, donorToken));
        var seen = (await asDonor.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 100 })).AssistanceRequests;
        var fundingDonor = data.Donors.First(donor => donor.Pledges.Any(pledge => pledge.Allocations is { Count: > 0 }));
        var fundedKeys = fundingDonor.Pledges.SelectMany(pledge => pledge.Allocations ?? []).Select(allocation => allocation.RequestKey).ToHashSet();
        Assert.Equal(
            data.Requests.Where(entry => fundedKeys.Contains(entry.Key)).Select(entry => entry.AssistanceRequest.Title).Order(),
            seen.Select(request => request.Title).Order());

        // Open offers, an accepted and a declined one, each once, on the requests the data names.
        var offers = new List<Offer>();
        foreach (var request in stored)
        {
            offers.AddRange((await assistance.ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers);
        }

        Assert.Equal(
            data.Offers.Select(entry => (entry.Offer.Terms, entry.Answer switch
            {
                OfferAnswer.Accept => Offer.Types.State.Accepted,
                OfferAnswer.Decline => Offer.Types.State.Declined,
                _ => Offer.Types.State.Open,
            })).Order(),
            offers.Select(offer => (offer.Terms, offer.State)).Order());
    }

    [Fact]
    public async Task Loading_over_an_earlier_versions_demo_updates_what_the_api_edits_keeps_the_rest_and_duplicates_nothing()
    {
        // An earlier version of the demo: other wording for a draft request, a delivered one, a
        // course, a session's place, an expert, an unsigned pledge's amount, a contribution and an offer's terms.
        const string Earlier = "An earlier version of the demo said this.";
        var earlier = DemoFilesTests.ReadEditedCopy((file, json) =>
        {
            switch (file)
            {
                case "requests.json":
                    DemoFilesTests.Entry(json, "demo-request-06")["assistanceRequest"]!["description"] = Earlier;
                    DemoFilesTests.Entry(json, "demo-request-01")["assistanceRequest"]!["description"] = Earlier;
                    break;
                case "courses.json":
                    DemoFilesTests.Entry(json, "demo-course-01")["course"]!["summary"] = Earlier;
                    DemoFilesTests.Entry(DemoFilesTests.Entry(json, "demo-course-01")["sessions"]!, "demo-session-01-a")["session"]!["location"] = Earlier;
                    break;
                case "delivery.json":
                    DemoFilesTests.Entry(json["experts"]!, "demo-expert-02")["expert"]!["languages"] = new JsonArray("en", "fr");
                    break;
                case "donors.json":
                    DemoFilesTests.Entry(DemoFilesTests.Entry(json, "demo-donor-02")["pledges"]!, "demo-pledge-04")["pledge"]!["amount"]!["units"] = "900000";
                    DemoFilesTests.Entry(DemoFilesTests.Entry(DemoFilesTests.Entry(json, "demo-donor-01")["pledges"]!, "demo-pledge-01")["contributions"]!, "demo-contribution-01")
                        ["contribution"]!["description"] = Earlier;
                    break;
                case "offers.json":
                    DemoFilesTests.Entry(json, "demo-offer-04")["offer"]!["terms"] = Earlier;
                    break;
            }
        });
        var data = DemoFiles.Read(DemoFilesTests.DataFolder);
        var gateway = await StartOwnStackAsync(database: 2);
        var focalPoints = FocalPoints(gateway);
        await new DemoDataLoader(suite.Channel(gateway), TextWriter.Null, focalPoints).LoadAsync(earlier, CancellationToken.None);

        var output = new StringWriter();
        await new DemoDataLoader(suite.Channel(gateway), output, focalPoints).LoadAsync(data, CancellationToken.None);
        var again = new StringWriter();
        await new DemoDataLoader(suite.Channel(gateway), again, focalPoints).LoadAsync(data, CancellationToken.None);

        // What the API edits takes this version's content; what has moved on or is money stays, said so.
        var log = output.ToString();
        // The whole log in the message, so a failure shows what the load said instead.
        void Said(string line) => Assert.True(log.Contains(line, StringComparison.Ordinal), log);
        Said("request 'demo-request-06': updated to this version's content (description)");
        Said("course 'demo-course-01': updated to this version's content (summary)");
        Said("expert 'demo-expert-02': updated to this version's content (languages)");
        Said("request 'demo-request-01': kept as it is, its state has moved on");
        Said("pledge 'demo-pledge-04': kept as an earlier version loaded it");
        Said("offer 'demo-offer-04': kept as an earlier version loaded it");
        Said("session 'demo-session-01-a': updated to this version's content (location)");
        Said("contribution 'demo-contribution-01': kept as an earlier version loaded it");
        Said("with other content: 8 found");
        // A further load finds the same records again and changes nothing.
        Assert.Contains($"requests: {data.Requests.Count} loaded, 0 lifecycle steps up to approval applied now", again.ToString(), StringComparison.Ordinal);
        Assert.Contains($"offers: {data.Offers.Count} loaded, 0 made now, 0 answered now", again.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("updated to this version's content", again.ToString(), StringComparison.Ordinal);

        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(gateway));
        var stored = (await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 100 })).AssistanceRequests;
        Assert.Equal(
            data.Requests.Select(entry => (entry.AssistanceRequest.Title, entry.TargetState)).Order(),
            stored.Select(request => (request.Title, request.State)).Order());
        string DescriptionOf(string key) => stored.Single(request => request.Title == data.Requests.Single(entry => entry.Key == key).AssistanceRequest.Title).Description;
        Assert.Equal(data.Requests.Single(entry => entry.Key == "demo-request-06").AssistanceRequest.Description, DescriptionOf("demo-request-06"));
        Assert.Equal(Earlier, DescriptionOf("demo-request-01"));

        var training = new TrainingService.TrainingServiceClient(suite.Channel(gateway));
        var courses = (await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 100 })).Courses;
        Assert.Equal(data.Courses.Select(entry => entry.Course.Title).Order(), courses.Select(course => course.Title).Order());
        var course = data.Courses.Single(entry => entry.Key == "demo-course-01").Course;
        Assert.Equal(course.Summary, courses.Single(listed => listed.Title == course.Title).Summary);
        var experts = (await training.ListExpertsAsync(new ListExpertsRequest { PageSize = 100 })).Experts;
        Assert.Equal(["en"], experts.Single(expert => expert.DisplayName == data.Delivery.Experts.Single(entry => entry.Key == "demo-expert-02").Expert.DisplayName).Languages);

        var funding = new FundingService.FundingServiceClient(suite.Channel(gateway));
        var donors = (await funding.ListDonorsAsync(new ListDonorsRequest { PageSize = 100 })).Donors;
        Assert.Equal(data.Donors.Count, donors.Count);
        var pledges = await Task.WhenAll(donors.Select(async donor => (await funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges.Count));
        Assert.Equal(data.Donors.Sum(donor => donor.Pledges.Count), pledges.Sum());
        var offers = await Task.WhenAll(stored.Select(async request => (await assistance.ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers.Count));
        Assert.Equal(data.Offers.Count, offers.Sum());
    }

    /// <summary>The focal points the demo acts as: every state whose requests it publishes or whose offers it answers (run.sh mints the same).</summary>
    private Dictionary<string, GrpcChannel> FocalPoints(Uri gateway) =>
        new[] { "GHA", "VNM", "SEN" }.ToDictionary(
            country => country, country => suite.Channel(gateway, suite.Tokens.Mint(CallerRole.MemberState, "focal.point@" + country, country: country)));

    /// <summary>Training, assistance, funding and a gateway on a Redis database no other test uses; returns the gateway's gRPC address.</summary>
    private async Task<Uri> StartOwnStackAsync(int database)
    {
        var ownRedis = new Dictionary<string, string> { ["Redis__ConnectionString"] = suite.Redis.ConnectionString + ",defaultDatabase=" + database };
        var (training, assistance, funding) = (SuiteFixture.Loopback(FreePort.Next()), SuiteFixture.Loopback(FreePort.Next()), SuiteFixture.Loopback(FreePort.Next()));
        await Task.WhenAll(
            suite.StartExtraServiceAsync("training", training, new Dictionary<string, string>(SuiteFixture.TrainingDirectTo(assistance).Concat(ownRedis))),
            suite.StartExtraServiceAsync("funding", funding, new Dictionary<string, string>(SuiteFixture.FundingDirectTo(assistance).Concat(ownRedis))),
            suite.StartExtraServiceAsync("assistance", assistance, new Dictionary<string, string>(SuiteFixture.DirectTo(training, funding).Concat(ownRedis))));
        var (_, _, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__assistance__Destinations__primary__Address"] = assistance.ToString(),
            ["ReverseProxy__Clusters__training__Destinations__primary__Address"] = training.ToString(),
            ["ReverseProxy__Clusters__funding__Destinations__primary__Address"] = funding.ToString(),
        });
        return grpc;
    }
}
