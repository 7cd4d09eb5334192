using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Who may do what with requests: focal points only for their own country, coordinators decide,
/// auditors read and verify but change nothing. Every call goes through the gateway with a token.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestAccessTests(SuiteFixture suite)
{
    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "access-coordinator"));

    [Fact]
    public async Task A_focal_point_creates_edits_and_submits_its_own_countrys_request_and_is_recorded_as_actor()
    {
        var ghana = As(CallerRole.MemberState, "focal-point-gha", "GHA");

        var draft = await new RequestLifecycleDriver(ghana).CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA"));
        var submitted = await new RequestLifecycleDriver(ghana).ActAsync(draft.Name, Action.Submit);

        Assert.Equal(State.Submitted, submitted.State);
        Assert.All(await coordinator.HistoryAsync(draft.Name), entry => Assert.Equal("focal-point-gha", entry.Actor));
    }

    [Fact]
    public async Task A_focal_point_cannot_touch_another_countrys_requests()
    {
        var ghana = As(CallerRole.MemberState, "focal-point-gha", "GHA");
        var norwegian = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("NOR"));
        var ghanaian = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA"));

        Func<Task>[] hidden =
        [
            () => ghana.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = norwegian.Name }).ResponseAsync,
            () => new RequestLifecycleDriver(ghana).ActAsync(norwegian.Name, Action.Submit),
            () => new RequestLifecycleDriver(ghana).ActAsync(norwegian.Name, Action.Withdraw),
            () => ghana.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = norwegian.Name }).ResponseAsync,
        ];
        Func<Task>[] refused =
        [
            () => ghana.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = RequestLifecycleDriver.CompleteRequest("NOR") }).ResponseAsync,
            () => ghana.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { RequestingState = "NOR" }).ResponseAsync,
            () => ghana.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
            {
                AssistanceRequest = new AssistanceRequest { Name = ghanaian.Name, RequestingState = "NOR" },
                UpdateMask = new() { Paths = { "requesting_state" } },
            }).ResponseAsync,
        ];

        // Another country's request answers as if it did not exist, so ids cannot be probed;
        // acting in another country's name is refused outright.
        foreach (var call in hidden)
        {
            await RichErrors.FailsWith(StatusCode.NotFound, call);
        }

        foreach (var call in refused)
        {
            await RichErrors.FailsWith(StatusCode.PermissionDenied, call);
        }

        Assert.Equal(norwegian, (await new AssistanceService.AssistanceServiceClient(suite.Gateway).GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = norwegian.Name })).AssistanceRequest);
    }

    [Fact]
    public async Task A_focal_point_lists_only_its_own_countrys_requests()
    {
        await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("NOR"));
        await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA"));
        var ghana = As(CallerRole.MemberState, "focal-point-gha", "GHA");

        var page = await ghana.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 500 });

        Assert.NotEmpty(page.AssistanceRequests);
        Assert.All(page.AssistanceRequests, request => Assert.Equal("GHA", request.RequestingState));
    }

    public static TheoryData<CallerRole, Action> RefusedRoles => new()
    {
        { CallerRole.MemberState, Action.BeginReview },
        { CallerRole.MemberState, Action.Approve },
        { CallerRole.MemberState, Action.StartDelivery },
        { CallerRole.Auditor, Action.Withdraw },
        { CallerRole.Auditor, Action.Approve },
        { CallerRole.Donor, Action.Submit },
    };

    [Theory]
    [MemberData(nameof(RefusedRoles))]
    public async Task Roles_may_only_take_the_actions_their_table_allows(CallerRole role, Action action)
    {
        var request = await coordinator.CreateInStateAsync(State.UnderReview);
        var client = As(role, $"some-{role}", role == CallerRole.MemberState ? "GHA" : null, role == CallerRole.Donor ? "0123456789abcdef0123456789abcdef" : null);

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => new RequestLifecycleDriver(client).ActAsync(request.Name, action));
    }

    [Fact]
    public async Task An_auditor_reads_and_verifies_the_history()
    {
        var request = await coordinator.CreateInStateAsync(State.Approved);
        var auditor = As(CallerRole.Auditor, "auditor@oios");

        var verdict = await auditor.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name });
        var history = await new RequestLifecycleDriver(auditor).HistoryAsync(request.Name);

        Assert.True(verdict.Intact);
        Assert.Equal(4, history.Count);
    }

    private AssistanceService.AssistanceServiceClient As(CallerRole role, string subject, string? country = null, string? donor = null) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(role, subject, country, donor)));
}
