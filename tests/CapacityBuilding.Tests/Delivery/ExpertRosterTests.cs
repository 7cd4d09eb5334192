using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// The roster of experts: coordinators keep it; a member state sees an expert only once the expert
/// is booked on an event of its own requests, and then only the name, languages and expertise.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ExpertRosterTests(SuiteFixture suite)
{
    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task A_coordinator_adds_reads_lists_and_updates_an_expert()
    {
        var created = await setup.ExpertAsync();
        var read = (await setup.Training.GetExpertAsync(new GetExpertRequest { Name = created.Name })).Expert;
        var listed = await setup.Training.ListExpertsAsync(new ListExpertsRequest { PageSize = 500 });
        var updated = (await setup.Training.UpdateExpertAsync(new UpdateExpertRequest
        {
            Expert = new Expert { Name = created.Name, Languages = { "es" }, Etag = created.Etag },
            UpdateMask = new() { Paths = { "languages" } },
        })).Expert;

        Assert.Equal(created, read);
        Assert.Equal("PRT", read.Nationality);
        Assert.Equal("ana.pereira@pj.example.pt", read.Contact.Email);
        Assert.Contains(listed.Experts, expert => expert.Name == created.Name);
        Assert.Equal(["es"], updated.Languages);
        Assert.NotEqual(created.Etag, updated.Etag);
        await RichErrors.FailsWith(StatusCode.Aborted, () => setup.Training.UpdateExpertAsync(new UpdateExpertRequest
        {
            Expert = new Expert { Name = created.Name, DisplayName = "Someone else", Etag = created.Etag },
            UpdateMask = new() { Paths = { "display_name" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task An_expert_with_broken_rules_is_refused_naming_every_field()
    {
        var expert = DeliverySetup.Expert();
        expert.Nationality = "XXX";
        expert.Languages.Add("en");
        expert.ConventionArticles.Add(69);
        expert.Availability.Add(new DateRange { StartDate = DeliverySetup.Day(DeliverySetup.LastYear), EndDate = DeliverySetup.Day(DeliverySetup.LastYear.AddDays(-1)) });
        expert.Contact.Email = "not an address";

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.CreateExpertAsync(new CreateExpertRequest { Expert = expert }).ResponseAsync);

        Assert.Equal(
            ["expert.nationality", "expert.languages[2]", "expert.convention_articles[2]", "expert.availability[1].end_date", "expert.contact.email"],
            failure.ViolatedFields());
    }

    [Fact]
    public async Task Rules_the_annotations_cannot_state_are_checked_on_their_own()
    {
        var expert = DeliverySetup.Expert();
        expert.Nationality = "XXX";

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.CreateExpertAsync(new CreateExpertRequest { Expert = expert }).ResponseAsync);

        Assert.Equal(["expert.nationality"], failure.ViolatedFields());
    }

    [Fact]
    public async Task A_member_state_sees_only_experts_on_its_own_requests_events_and_never_their_contact_details()
    {
        var onGhana = await setup.ExpertAsync();
        var elsewhere = await setup.ExpertAsync();
        var ghanaRequest = await setup.RequestAsync("GHA");
        var kenyaRequest = await setup.RequestAsync("KEN");
        await setup.EventAsync(ghanaRequest.Name, DeliverySetup.LastYear.AddMonths(1), 2, onGhana.Name);
        await setup.EventAsync(kenyaRequest.Name, DeliverySetup.LastYear.AddMonths(1), 2, elsewhere.Name);
        var ghana = setup.As(CallerRole.MemberState, "GHA");

        var seen = (await ghana.GetExpertAsync(new GetExpertRequest { Name = onGhana.Name })).Expert;
        var foreign = await RichErrors.FailsWith(StatusCode.NotFound, () => ghana.GetExpertAsync(new GetExpertRequest { Name = elsewhere.Name }).ResponseAsync);
        var missing = await RichErrors.FailsWith(StatusCode.NotFound, () => ghana.GetExpertAsync(new GetExpertRequest { Name = "experts/0123456789abcdef0123456789abcdef" }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.ListExpertsAsync(new ListExpertsRequest()).ResponseAsync);

        Assert.Equal(new Expert
        {
            Name = onGhana.Name,
            DisplayName = onGhana.DisplayName,
            Languages = { onGhana.Languages },
            ThematicAreas = { onGhana.ThematicAreas },
            ConventionArticles = { onGhana.ConventionArticles },
        }, seen);
        Assert.Equal(missing.ErrorInfo()?.Reason, foreign.ErrorInfo()?.Reason);
    }
}
