using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Approving a request that overlaps an approved or in-delivery request of the same state (a
/// shared area or Convention article, shared days) needs a confirmation, which the history keeps;
/// the overlaps can be asked for beforehand. Each test's requests are wanted in a year of their own.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestOverlapTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "overlap-coordinator");

    private RequestLifecycleDriver Driver => new(coordinator);

    [Fact]
    public async Task An_overlapping_approval_is_refused_naming_the_overlaps_and_the_triage_can_ask_for_them_first()
    {
        var year = IntakeSamples.NewYear();
        var approved = await Driver.CreateInStateAsync(State.Approved, Request("GHA", year, ThematicArea.ElectronicEvidence, ThematicArea.Prevention));
        var delivering = await Driver.CreateInStateAsync(State.InDelivery, Request("GHA", year, ThematicArea.Prevention));
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));

        var exception = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => Approve(pending.Name, confirmation: ""));

        var info = exception.ErrorInfo()!;
        Assert.Equal(ErrorReasons.RequestOverlaps, info.Reason);
        Assert.Equal($"{delivering.Name},{approved.Name}", info.Metadata["overlapping_requests"]);
        Assert.Equal(State.UnderReview, (await Read(pending.Name)).State);

        var overlaps = (await coordinator.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = pending.Name })).Overlaps;
        Assert.Equal([delivering.Name, approved.Name], overlaps.Select(overlap => overlap.AssistanceRequest));
        var first = overlaps[1];
        Assert.Equal((State.Approved, approved.Title), (first.State, first.Title));
        Assert.Equal([ThematicArea.Prevention], first.SharedThematicAreas);
        Assert.Equal([53], first.SharedArticles);
        Assert.Equal((new Date { Year = year, Month = 3, Day = 1 }, new Date { Year = year, Month = 6, Day = 30 }), (first.OverlapStart, first.OverlapEnd));
    }

    [Fact]
    public async Task A_confirmed_approval_goes_through_and_its_history_entry_records_why_and_what_it_overlaps()
    {
        var year = IntakeSamples.NewYear();
        var approved = await Driver.CreateInStateAsync(State.Approved, Request("GHA", year, ThematicArea.Prevention));
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));

        var decided = await Approve(pending.Name, confirmation: "The second phase extends the first to the regions.");

        Assert.Equal(State.Approved, decided.State);
        var entry = (await Driver.HistoryAsync(pending.Name))[^1];
        Assert.Contains(approved.Name, entry.Reason, StringComparison.Ordinal);
        Assert.Contains("The second phase extends the first to the regions.", entry.Reason, StringComparison.Ordinal);
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = pending.Name })).Intact);
    }

    [Fact]
    public async Task An_approval_names_the_first_five_overlaps_and_counts_the_rest_while_the_lookup_returns_them_all()
    {
        var year = IntakeSamples.NewYear();
        var approved = new List<AssistanceRequest>();
        for (var i = 0; i < 7; i++)
        {
            approved.Add(await Driver.CreateInStateAsync(State.Approved, Request("GHA", year, ThematicArea.Prevention)));
        }

        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));
        var newestFirst = approved.Select(request => request.Name).Reverse().ToList();
        var named = string.Join(",", newestFirst.Take(5));

        var info = (await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => Approve(pending.Name, confirmation: ""))).ErrorInfo()!;
        Assert.Equal((named, "7"), (info.Metadata["overlapping_requests"], info.Metadata["overlapping_count"]));

        await Approve(pending.Name, confirmation: "Seven phases of one programme.");
        Assert.Contains($"Overlaps {named} and 2 more; approved regardless: Seven phases of one programme.", (await Driver.HistoryAsync(pending.Name))[^1].Reason, StringComparison.Ordinal);

        var later = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));
        var overlaps = (await coordinator.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = later.Name })).Overlaps;
        Assert.Equal([pending.Name, .. newestFirst], overlaps.Select(overlap => overlap.AssistanceRequest));
    }

    public static TheoryData<string, int, int, int, int, bool> AdjacentDays => new()
    {
        { "ends the day the other starts", 1, 1, 3, 1, true },
        { "ends the day before the other starts", 1, 1, 2, 28, false },
        { "starts the day the other ends", 6, 30, 9, 30, true },
        { "starts the day after the other ends", 7, 1, 9, 30, false },
    };

    [Theory]
    [MemberData(nameof(AdjacentDays))]
    public async Task One_shared_day_is_an_overlap(string why, int startMonth, int startDay, int endMonth, int endDay, bool overlaps)
    {
        var year = IntakeSamples.NewYear();
        var other = Request("GHA", year, ThematicArea.Prevention);
        other.DesiredStart = new Date { Year = year, Month = startMonth, Day = startDay };
        other.DesiredEnd = new Date { Year = year, Month = endMonth, Day = endDay };
        await Driver.CreateInStateAsync(State.Approved, other);
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));

        var found = (await coordinator.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = pending.Name })).Overlaps;

        Assert.True(found.Count == (overlaps ? 1 : 0), why);
    }

    [Fact]
    public async Task Areas_of_one_chapter_overlap_by_their_articles()
    {
        var year = IntakeSamples.NewYear();
        var approved = await Driver.CreateInStateAsync(State.Approved, Request("GHA", year, ThematicArea.Legislation));
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.OffencesAgainstSystems));

        var overlap = Assert.Single((await coordinator.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = pending.Name })).Overlaps);

        Assert.Equal(approved.Name, overlap.AssistanceRequest);
        Assert.Empty(overlap.SharedThematicAreas);
        Assert.Equal(Enumerable.Range(7, 5), overlap.SharedArticles);
    }

    public static TheoryData<string, State, string, int, ThematicArea> NotOverlapping => new()
    {
        { "another state", State.Approved, "VNM", 0, ThematicArea.Prevention },
        { "other days", State.Approved, "GHA", 1, ThematicArea.Prevention },
        { "other articles", State.Approved, "GHA", 0, ThematicArea.Network247 },
        { "completed", State.Completed, "GHA", 0, ThematicArea.Prevention },
        { "rejected", State.Rejected, "GHA", 0, ThematicArea.Prevention },
        { "submitted", State.Submitted, "GHA", 0, ThematicArea.Prevention },
    };

    [Theory]
    [MemberData(nameof(NotOverlapping))]
    public async Task A_request_that_does_not_overlap_is_approved_without_confirmation(string why, State state, string country, int yearsLater, ThematicArea area)
    {
        var year = IntakeSamples.NewYear();
        IntakeSamples.NewYear();
        await Driver.CreateInStateAsync(state, Request(country, year + yearsLater, area));
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", year, ThematicArea.Prevention));

        Assert.Empty((await coordinator.FindAssistanceRequestOverlapsAsync(new FindAssistanceRequestOverlapsRequest { Name = pending.Name })).Overlaps);
        Assert.True((await Approve(pending.Name, confirmation: "")).State == State.Approved, why);
    }

    [Fact]
    public async Task A_confirmation_belongs_to_an_approval_only()
    {
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", IntakeSamples.NewYear(), ThematicArea.Prevention));

        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => coordinator.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
        {
            Name = pending.Name, Decision = Decision.Reject, Reason = "no", OverlapConfirmation = "regardless",
        }).ResponseAsync);

        Assert.Equal(["overlap_confirmation"], exception.ViolatedFields());
    }

    [Fact]
    public async Task Overlaps_are_for_coordinators_and_auditors_and_never_cross_countries()
    {
        var pending = await Driver.CreateInStateAsync(State.UnderReview, Request("GHA", IntakeSamples.NewYear(), ThematicArea.Prevention));
        var find = new FindAssistanceRequestOverlapsRequest { Name = pending.Name };

        Assert.Empty((await IntakeClients.As(suite, CallerRole.Auditor, "overlap-auditor").FindAssistanceRequestOverlapsAsync(find)).Overlaps);
        await RichErrors.FailsWith(StatusCode.PermissionDenied,
            () => IntakeClients.As(suite, CallerRole.MemberState, "overlap-focal-point", country: "GHA").FindAssistanceRequestOverlapsAsync(find).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied,
            () => IntakeClients.As(suite, CallerRole.Donor, "overlap-donor", donorId: "overlap-donor").FindAssistanceRequestOverlapsAsync(find).ResponseAsync);
    }

    private async Task<AssistanceRequest> Read(string name) =>
        (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;

    private async Task<AssistanceRequest> Approve(string name, string confirmation) =>
        (await coordinator.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
        {
            Name = name, Decision = Decision.Approve, Reason = "fits the programme", OverlapConfirmation = confirmation,
        })).AssistanceRequest;

    private static AssistanceRequest Request(string country, int year, params ThematicArea[] areas)
    {
        var request = IntakeSamples.InYear(country, year);
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(areas);
        return request;
    }
}
