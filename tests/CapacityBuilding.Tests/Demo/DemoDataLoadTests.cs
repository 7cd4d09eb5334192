using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData;
using CapacityBuilding.DemoData.Files;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Demo;

/// <summary>
/// The demo loader through a real gateway, twice: the second run changes nothing, every request
/// ends in its target state with one allocation per entry and its outcomes once each, measured,
/// the IATI export of it passes IATI's checks, and the demo donor sees what it funds. The demo's donors, requests and
/// allocations would change what other tests count, so the loader gets services, a gateway and a
/// Redis database of its own (the fixture's redis-server, database 1).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DemoDataLoadTests(SuiteFixture suite)
{
    [Fact]
    public async Task Loading_twice_reaches_every_target_state_makes_each_allocation_once_and_shows_the_donor_what_it_funds()
    {
        var data = DemoFiles.Read(DemoFilesTests.DataFolder);
        var gateway = await StartOwnStackAsync();
        // Every answered demo offer is to Ghana's request: its focal point answers them.
        var ghana = suite.Channel(gateway, suite.Tokens.Mint(CallerRole.MemberState, "focal.point@gh", country: "GHA"));
        var loader = new DemoDataLoader(suite.Channel(gateway), TextWriter.Null, ghana);

        var first = await loader.LoadAsync(data, CancellationToken.None);
        var secondOutput = new StringWriter();
        var second = await new DemoDataLoader(suite.Channel(gateway), secondOutput, ghana).LoadAsync(data, CancellationToken.None);

        Assert.Equal(first.FundingDonorId, second.FundingDonorId);
        Assert.Contains($"requests: {data.Requests.Count} loaded, 0 lifecycle steps up to approval applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("(0 now)", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("requests: 0 delivery steps applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"offers: {data.Offers.Count} loaded, 0 made now, 0 answered now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"events: {data.Delivery.Events.Count} loaded, 0 lifecycle steps applied now", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 follow-ups recorded now", secondOutput.ToString(), StringComparison.Ordinal);

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

    /// <summary>Training, assistance, funding and a gateway on a Redis database no other test uses; returns the gateway's gRPC address.</summary>
    private async Task<Uri> StartOwnStackAsync()
    {
        var ownRedis = new Dictionary<string, string> { ["Redis__ConnectionString"] = suite.Redis.ConnectionString + ",defaultDatabase=1" };
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
