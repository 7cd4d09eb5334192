using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>AIP-134 updates with a field mask and AIP-154 etags; computed fields follow the edits.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestUpdateTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "update-coordinator");

    [Fact]
    public async Task Only_the_masked_fields_change_and_priority_and_dac_follow()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var draft = await driver.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA"));

        var updated = (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                Name = draft.Name,
                Etag = draft.Etag,
                RequestingState = "NPL",
                Title = "ignored: not in the mask",
                ThematicAreas = { ThematicArea.Legislation, ThematicArea.Network247 },
            },
            UpdateMask = new FieldMask { Paths = { "requesting_state", "thematic_areas" } },
        })).AssistanceRequest;

        Assert.Equal(("NPL", draft.Title, draft.Description), (updated.RequestingState, updated.Title, updated.Description));
        Assert.Equal([ThematicArea.Legislation, ThematicArea.Network247], updated.ThematicAreas);
        Assert.Equal((true, DacIncomeGroup.LeastDeveloped), (updated.DacEligible, updated.DacIncomeGroup));
        Assert.Equal(50 + (60 / 5) + 15 + 15, updated.PriorityScore);
        Assert.NotEqual(draft.Etag, updated.Etag);
        Assert.Equal(draft.FocalPoint, updated.FocalPoint);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var draft = await driver.CreateAsync();
        await driver.ActAsync(draft.Name, HistoryEntry.Types.Action.Update);

        var failure = await RichErrors.FailsWith(StatusCode.Aborted, () => assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = draft.Name, Etag = draft.Etag, Title = "late edit" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);

        Assert.Equal("ETAG_MISMATCH", failure.ErrorInfo()?.Reason);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("priority_score")]
    [InlineData("etag")]
    [InlineData("no_such_field")]
    public async Task Output_only_or_unknown_mask_paths_are_invalid(string path)
    {
        var draft = await new RequestLifecycleDriver(assistance).CreateAsync();

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = draft.Name },
            UpdateMask = new FieldMask { Paths = { "title", path } },
        }).ResponseAsync);

        Assert.Equal(["update_mask.paths[1]"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Invalid_values_are_named_and_nothing_changes()
    {
        var draft = await new RequestLifecycleDriver(assistance).CreateAsync();

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                Name = draft.Name,
                DesiredEnd = new Date { Year = 2027, Month = 2, Day = 1 },
                Languages = { "en", "de" },
            },
            UpdateMask = new FieldMask { Paths = { "desired_end", "languages" } },
        }).ResponseAsync);

        Assert.Equal(["assistance_request.languages[1]", "assistance_request.desired_end"], failure.ViolatedFields());
        Assert.Equal(draft, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = draft.Name })).AssistanceRequest);
    }

    [Fact]
    public async Task A_returned_request_can_be_edited_and_submitted_again()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var returned = await driver.CreateInStateAsync(State.Returned);

        var edited = (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = returned.Name, Etag = returned.Etag, EstimatedParticipants = 100 },
            UpdateMask = new FieldMask { Paths = { "estimated_participants" } },
        })).AssistanceRequest;
        var resubmitted = await driver.ActAsync(returned.Name, HistoryEntry.Types.Action.Submit, etag: edited.Etag);

        Assert.Equal((State.Returned, 100), (edited.State, edited.EstimatedParticipants));
        Assert.Equal(State.Submitted, resubmitted.State);
    }

    [Fact]
    public async Task Without_a_mask_only_the_fields_set_change_and_a_star_mask_clears_the_rest()
    {
        var draft = await new RequestLifecycleDriver(assistance).CreateAsync();

        var implied = (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = draft.Name, Title = "Only the title" },
        })).AssistanceRequest;
        var star = (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                Name = draft.Name,
                RequestingState = "SEN",
                Title = "Everything replaced",
                ThematicAreas = { ThematicArea.Network247 },
            },
            UpdateMask = new FieldMask { Paths = { "*" } },
        })).AssistanceRequest;

        Assert.Equal(("Only the title", draft.Description, draft.FocalPoint), (implied.Title, implied.Description, implied.FocalPoint));
        Assert.Equal(("SEN", "", null, 0), (star.RequestingState, star.Description, star.FocalPoint, star.Languages.Count));
    }
}
