using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The needs assessment (a baseline per thematic area) and the mandate (endorsing authority and
/// date) of a request: optional, written at creation or edited in a draft like the other fields,
/// and refused field by field when they break a rule.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class NeedsAssessmentTests(SuiteFixture suite)
{
    private static readonly Date Endorsed = new() { Year = 2026, Month = 1, Day = 15 };

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "intake-coordinator");

    [Fact]
    public async Task A_request_keeps_its_baselines_and_mandate_and_a_draft_edits_them()
    {
        var request = WithIntake(IntakeSamples.InYear());
        var created = await new RequestLifecycleDriver(coordinator).CreateAsync(request);

        Assert.Equal(request.NeedsBaselines, created.NeedsBaselines);
        Assert.Equal(("Ministry of Communications and Digitalisation", Endorsed), (created.EndorsingAuthority, created.EndorsementDate));

        var updated = (await coordinator.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                Name = created.Name,
                NeedsBaselines = { new NeedsBaseline { ThematicArea = request.ThematicAreas[0], Level = 4, Note = "Unit in place since 2025." } },
            },
            UpdateMask = new FieldMask { Paths = { "needs_baselines", "endorsing_authority" } },
        })).AssistanceRequest;

        Assert.Equal(4, Assert.Single(updated.NeedsBaselines).Level);
        Assert.Equal("", updated.EndorsingAuthority);
        Assert.Equal(Endorsed, updated.EndorsementDate);
        Assert.Equal(["needs_baselines", "endorsing_authority"], (await new RequestLifecycleDriver(coordinator).HistoryAsync(created.Name))[^1].ChangedFields);
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = created.Name })).Intact);
    }

    public static TheoryData<string, Action<AssistanceRequest>, string[]> Broken => new()
    {
        { "level 0", request => request.NeedsBaselines[0].Level = 0, ["assistance_request.needs_baselines[0].level"] },
        { "level 6", request => request.NeedsBaselines[0].Level = 6, ["assistance_request.needs_baselines[0].level"] },
        { "an area the request does not name", request => request.NeedsBaselines[0].ThematicArea = ThematicArea.Network247, ["assistance_request.needs_baselines[0].thematic_area"] },
        { "an area twice", request => request.NeedsBaselines.Add(request.NeedsBaselines[0].Clone()), ["assistance_request.needs_baselines[1]"] },
        { "a blank authority", request => request.EndorsingAuthority = "   ", ["assistance_request.endorsing_authority"] },
        { "an endorsement to come", request => request.EndorsementDate = new Date { Year = 2999, Month = 1, Day = 1 }, ["assistance_request.endorsement_date"] },
        { "an endorsement on no day", request => request.EndorsementDate = new Date { Year = 2026, Month = 2, Day = 30 }, ["assistance_request.endorsement_date"] },
        { "a long note", request => request.NeedsBaselines[0].Note = new string('n', 501), ["assistance_request.needs_baselines[0].note"] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_rule_is_refused_naming_the_field(string why, Action<AssistanceRequest> breakIt, string[] fields)
    {
        var request = WithIntake(IntakeSamples.InYear());
        breakIt(request);

        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => coordinator.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request }).ResponseAsync);

        Assert.True(fields.SequenceEqual(exception.ViolatedFields()), $"{why}: {string.Join(", ", exception.ViolatedFields())}");
    }

    [Fact]
    public async Task An_edit_that_breaks_a_rule_is_refused_and_changes_nothing()
    {
        var created = await new RequestLifecycleDriver(coordinator).CreateAsync(WithIntake(IntakeSamples.InYear()));

        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => coordinator.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = created.Name, ThematicAreas = { ThematicArea.Network247 } },
            UpdateMask = new FieldMask { Paths = { "thematic_areas" } },
        }).ResponseAsync);

        Assert.Equal(["assistance_request.needs_baselines[0].thematic_area"], exception.ViolatedFields());
        Assert.Equal(created, (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = created.Name })).AssistanceRequest);
    }

    private static AssistanceRequest WithIntake(AssistanceRequest request)
    {
        request.NeedsBaselines.Add(new NeedsBaseline { ThematicArea = request.ThematicAreas[0], Level = 2, Note = "A draft law; no trained investigators yet." });
        request.EndorsingAuthority = "Ministry of Communications and Digitalisation";
        request.EndorsementDate = Endorsed;
        return request;
    }
}
