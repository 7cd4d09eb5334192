using System.Globalization;
using System.Net;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Delivery;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;

namespace CapacityBuilding.Tests.Portal.Downloads;

/// <summary>
/// The training lists as spreadsheets: the catalogue with its filters, the delivery events a
/// reader may see (a member state only its own country's), every one or one request's, an
/// event's evaluations, a session's seat holds (a focal point its own country's), the roster of
/// experts (only for the roles its page is for, and never an expert's contact details) and a focal
/// point's nationals' enrolments (never another country's nationals).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class TrainingListDownloadTests(SuiteFixture suite)
{
    private readonly DeliverySetup delivery = new(suite);

    [Fact]
    public async Task The_catalogue_download_holds_the_courses_its_filters_find()
    {
        var marker = Guid.NewGuid().ToString("N");
        var setup = new TrainingSetup(delivery.Training);
        var advanced = await setup.CourseAsync(course => { course.Title = $"Download advanced {marker}"; course.Level = CourseLevel.Advanced; });
        var foundation = await setup.CourseAsync(course => course.Title = $"Download foundation {marker}");
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("auditor");

        var csv = await ListDownloadTests.DownloadTextAsync(browser, $"/downloads/catalogue.csv?q={marker}&level=Advanced");

        Assert.StartsWith("\uFEFFCourse,Thematic areas,Level,", csv, StringComparison.Ordinal);
        Assert.Contains($"{advanced.Title},", csv, StringComparison.Ordinal);
        Assert.Contains(",Advanced,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(foundation.Title, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_points_delivery_events_are_their_countrys_only_with_dates_as_dates()
    {
        var ghana = await EventAsync("GHA");
        var kenya = await EventAsync("KEN");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");

        var own = await ListDownloadTests.DownloadTextAsync(focalPoint, "/downloads/delivery-events.csv");
        var all = await ListDownloadTests.DownloadTextAsync(coordinator, "/downloads/delivery-events.csv");

        var start = DeliverySetup.LastYear.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DeliverySetup.LastYear.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.StartsWith("\uFEFFEvent,Kind,Requesting state,Start date,End date,State\r\n", own, StringComparison.Ordinal);
        Assert.Contains($"{ghana.Title},Workshop,Ghana,{start},{end},Planned\r\n", own, StringComparison.Ordinal);
        Assert.DoesNotContain(kenya.Title, own, StringComparison.Ordinal);
        Assert.DoesNotContain(",Kenya,", own, StringComparison.Ordinal);
        Assert.Contains(ghana.Title, all, StringComparison.Ordinal);
        Assert.Contains(kenya.Title, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requests_delivery_events_are_that_requests_only_from_its_page_and_never_another_countrys()
    {
        var ofTheRequest = await EventAsync("GHA");
        var ofAnother = await EventAsync("GHA");
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var kenya = new PortalSession(suite.GatewayRestAddress);
        using var signedInKenya = await kenya.SignInAsync("focal-point-ken");
        var download = "/downloads/delivery-events.csv?parent=" + Uri.EscapeDataString(ofTheRequest.AssistanceRequest);

        var page = await ghana.GetPageAsync("/" + ofTheRequest.AssistanceRequest);
        var csv = await ListDownloadTests.DownloadTextAsync(ghana, download);
        var anotherCountry = await ListDownloadTests.DownloadTextAsync(kenya, download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        var start = DeliverySetup.LastYear.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DeliverySetup.LastYear.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"\uFEFFEvent,Kind,Requesting state,Start date,End date,State\r\n{ofTheRequest.Title},Workshop,Ghana,{start},{end},Planned\r\n", csv);
        Assert.DoesNotContain(ofAnother.Title, csv, StringComparison.Ordinal);
        // The training service lists another country's request's events to a member state as none.
        Assert.Equal("\uFEFFEvent,Kind,Requesting state,Start date,End date,State\r\n", anotherCountry);
    }

    [Fact]
    public async Task A_delivery_events_evaluations_are_ratings_as_numbers_and_never_another_countrys()
    {
        var delivered = await delivery.DeliveredEventAsync("GHA");
        await delivery.Training.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest { Parent = delivered.Name, Evaluation = DeliveryEvaluationTests.Host() });
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var kenya = new PortalSession(suite.GatewayRestAddress);
        using var signedInKenya = await kenya.SignInAsync("focal-point-ken");
        var download = "/downloads/event-evaluations.csv?parent=" + Uri.EscapeDataString(delivered.Name);

        var page = await ghana.GetPageAsync($"/delivery/{delivered.Name}/evaluations");
        var csv = await ListDownloadTests.DownloadTextAsync(ghana, download);
        using var anotherCountry = await kenya.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal(
            "\uFEFFWho answered,Recorded on,\"Level 1, reaction\",\"Level 2, learning\",\"Level 3, behaviour\",\"Level 4, results\",Objectives met,Knowledge improved,More help needed,"
            + "\"Follow-up, level 3, behaviour\",\"Follow-up, level 4, results\"\r\n"
            + $"Host institution,{Day(DateTimeOffset.UtcNow)},,,,,4,4,5,,\r\n",
            csv);
        Assert.Equal(HttpStatusCode.NotFound, anotherCountry.StatusCode);
    }

    [Fact]
    public async Task A_sessions_seat_holds_are_seats_as_numbers_and_a_focal_points_own_countrys_only()
    {
        var setup = new TrainingSetup(delivery.Training);
        var session = await setup.SessionAsync(await setup.CourseAsync());
        await delivery.Training.CreateSeatHoldAsync(new CreateSeatHoldRequest { Parent = session.Name, SeatHold = new SeatHold { Country = "GHA", Seats = 2 } });
        await delivery.Training.CreateSeatHoldAsync(new CreateSeatHoldRequest { Parent = session.Name, SeatHold = new SeatHold { Country = "KEN", Seats = 3 } });
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        await FundingListDownloadTests.DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        var download = "/downloads/seat-holds.csv?parent=" + Uri.EscapeDataString(session.Name);

        var page = await ghana.GetPageAsync("/catalogue/" + session.Name);
        var own = await ListDownloadTests.DownloadTextAsync(ghana, download);
        var all = await ListDownloadTests.DownloadTextAsync(coordinator, download);
        using var notForDonors = await donor.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal("\uFEFFState,Seats,Taken by its nationals,Hold\r\nGhana,2,0,\"Held, offer awaiting an answer\"\r\n", own);
        Assert.Contains("\r\nGhana,2,0,", all, StringComparison.Ordinal);
        Assert.Contains("\r\nKenya,3,0,", all, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notForDonors.StatusCode);
    }

    [Fact]
    public async Task Experts_are_downloaded_by_coordinators_without_contact_details_and_never_by_member_states()
    {
        var expert = await delivery.ExpertAsync();
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");

        var csv = await ListDownloadTests.DownloadTextAsync(coordinator, "/downloads/experts.csv");
        using var memberState = await focalPoint.GetAsync("/downloads/experts.xlsx");

        Assert.Contains($"{expert.DisplayName},Portugal,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(expert.Contact.Email, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(expert.Contact.Phone, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    [Fact]
    public async Task A_focal_points_nationals_enrolments_never_hold_another_countrys_nationals()
    {
        var setup = new TrainingSetup(delivery.Training);
        var course = await setup.CourseAsync();
        var session = await setup.SessionAsync(course);
        var ghanaian = await EnrolAsync(session, "GHA");
        var kenyan = await EnrolAsync(session, "KEN");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");

        var csv = await ListDownloadTests.DownloadTextAsync(focalPoint, "/downloads/nationals-enrolments.csv");
        using var notTheirs = await coordinator.GetAsync("/downloads/nationals-enrolments.csv");

        var day = TrainingSetup.NextYear.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.StartsWith("\uFEFFParticipant,Course,Session,Location,Enrolment\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{ghanaian.ParticipantName},{course.Title},{day},\"{session.Location}\",Confirmed\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(kenyan.ParticipantName, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Fact]
    public async Task A_sessions_enrolments_are_that_sessions_only_for_coordinators_and_never_for_member_states()
    {
        var setup = new TrainingSetup(delivery.Training);
        var course = await setup.CourseAsync();
        var session = await setup.SessionAsync(course);
        var other = await setup.SessionAsync(course);
        var ghanaian = await EnrolAsync(session, "GHA");
        var kenyan = await EnrolAsync(session, "KEN");
        var elsewhere = await EnrolAsync(other, "GHA");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        var download = "/downloads/session-enrolments.csv?parent=" + Uri.EscapeDataString(session.Name);

        var page = await coordinator.GetPageAsync("/catalogue/" + session.Name);
        var csv = await ListDownloadTests.DownloadTextAsync(coordinator, download);
        using var memberState = await focalPoint.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFParticipant,Nationality,Institution,Enrolment\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{ghanaian.ParticipantName},Ghana,", csv, StringComparison.Ordinal);
        Assert.Contains($"{kenyan.ParticipantName},Kenya,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.ParticipantName, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    [Fact]
    public async Task A_courses_sessions_are_that_courses_only_with_dates_and_seats_as_numbers()
    {
        var setup = new TrainingSetup(delivery.Training);
        var course = await setup.CourseAsync();
        await setup.SessionAsync(course, seats: 17);
        await setup.SessionAsync(course, seats: 23, start: TrainingSetup.NextYear.AddDays(30));
        await setup.SessionAsync(await setup.CourseAsync(), seats: 21);
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        using var anonymous = new PortalSession(suite.GatewayRestAddress);
        var download = "/downloads/course-sessions.csv?parent=" + Uri.EscapeDataString(course.Name);

        var page = await focalPoint.GetPageAsync("/catalogue/" + course.Name);
        var csv = await ListDownloadTests.DownloadTextAsync(focalPoint, download);
        using var signedOut = await anonymous.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFStart date,End date,Location,Language,Seats taken,Seats,Held for states,Waitlist,Status", lines[0]);
        Assert.Equal(
            [Day(TrainingSetup.NextYear) + "," + Day(TrainingSetup.NextYear.AddDays(5)), Day(TrainingSetup.NextYear.AddDays(30)) + "," + Day(TrainingSetup.NextYear.AddDays(35))],
            lines[1..].Select(line => string.Join(',', line.Split(',')[..2])).Order(StringComparer.Ordinal));
        Assert.All(lines[1..], line => Assert.Contains(",\"Accra, Ghana Police Academy\",", line, StringComparison.Ordinal));
        Assert.Equal(["0,17,0,0", "0,23,0,0"], lines[1..].Select(line => string.Join(',', line.Split(',')[5..9])).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Fact]
    public async Task A_sessions_evaluations_are_ratings_as_numbers_for_coordinators_and_never_for_member_states()
    {
        var setup = new TrainingSetup(delivery.Training);
        var session = await setup.SessionAsync(await setup.CourseAsync());
        var enrolment = await EnrolAsync(session, "GHA");
        await setup.SetStatusAsync(session, SessionStatus.Completed);
        var ghana = suite.TrainingClient(suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.MemberState, "focal-point-gha", country: "GHA"));
        var comments = SampleData.UniqueTitle("Download evaluation");
        await ghana.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation { Enrolment = enrolment.Name, Reaction = 4, Learning = 3, Comments = comments },
        });
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        var download = "/downloads/session-evaluations.csv?parent=" + Uri.EscapeDataString(session.Name);

        var page = await coordinator.GetPageAsync("/catalogue/" + session.Name + "/evaluations");
        var csv = await ListDownloadTests.DownloadTextAsync(coordinator, download);
        using var memberState = await focalPoint.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal(
            "\uFEFFRecorded (UTC),Reaction,Learning,Behaviour,Results,Comments\r\n"
            + $"{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},4,3,,,{comments}\r\n",
            csv);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Enrolment> EnrolAsync(Session session, string nationality)
    {
        var enrolment = SampleData.Enrolment($"{Guid.NewGuid():N}@police.example.org", SampleData.UniqueTitle("Download participant " + nationality));
        enrolment.Nationality = nationality;
        return (await delivery.Training.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = enrolment })).Enrolment;
    }

    private async Task<DeliveryEvent> EventAsync(string country)
    {
        var request = await delivery.RequestAsync(country);
        var planned = DeliverySetup.Workshop(request.Name, DeliverySetup.LastYear);
        planned.Title = SampleData.UniqueTitle($"Download workshop {country}");
        return (await delivery.Training.CreateDeliveryEventAsync(new CreateDeliveryEventRequest { DeliveryEvent = planned })).DeliveryEvent;
    }
}
