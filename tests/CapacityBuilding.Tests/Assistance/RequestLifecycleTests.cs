using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Every (state, action) pair through the API: the allowed ones lead where the issue says and
/// are recorded in the history; every other pair is FAILED_PRECONDITION naming the current state
/// and changes nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestLifecycleTests(SuiteFixture suite)
{
    private static readonly State[] States =
        [State.Draft, State.Submitted, State.UnderReview, State.Approved, State.Rejected, State.Returned, State.InDelivery, State.Completed, State.Withdrawn,
            State.Suspended];

    private static readonly Action[] Actions =
        [Action.Update, Action.Submit, Action.BeginReview, Action.Approve, Action.Reject, Action.Return, Action.Withdraw, Action.StartDelivery, Action.Complete,
            Action.Suspend, Action.Resume];

    // Written out from the issue, not derived from the service's table.
    private static readonly Dictionary<(State, Action), State> Allowed = new()
    {
        [(State.Draft, Action.Update)] = State.Draft,
        [(State.Draft, Action.Submit)] = State.Submitted,
        [(State.Draft, Action.Withdraw)] = State.Withdrawn,
        [(State.Submitted, Action.BeginReview)] = State.UnderReview,
        [(State.Submitted, Action.Withdraw)] = State.Withdrawn,
        [(State.UnderReview, Action.Approve)] = State.Approved,
        [(State.UnderReview, Action.Reject)] = State.Rejected,
        [(State.UnderReview, Action.Return)] = State.Returned,
        [(State.UnderReview, Action.Withdraw)] = State.Withdrawn,
        [(State.Returned, Action.Update)] = State.Returned,
        [(State.Returned, Action.Submit)] = State.Submitted,
        [(State.Returned, Action.Withdraw)] = State.Withdrawn,
        [(State.Approved, Action.StartDelivery)] = State.InDelivery,
        [(State.Approved, Action.Withdraw)] = State.Withdrawn,
        [(State.InDelivery, Action.Complete)] = State.Completed,
        [(State.Approved, Action.Suspend)] = State.Suspended,
        [(State.InDelivery, Action.Suspend)] = State.Suspended,
        // The path to SUSPENDED suspends an approved request: resuming returns it there.
        [(State.Suspended, Action.Resume)] = State.Approved,
    };

    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "lifecycle-coordinator");

    public static TheoryData<State, Action> Pairs()
    {
        var data = new TheoryData<State, Action>();
        foreach (var state in States)
        {
            foreach (var action in Actions)
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Every_state_and_action_pair_follows_the_lifecycle(State from, Action action)
    {
        var driver = new RequestLifecycleDriver(assistance);
        // Wanted in a year of its own: an approval that overlaps other tests' requests records the overlaps in its reason.
        var request = await driver.CreateInStateAsync(from, IntakeSamples.InYear());
        var historyBefore = await driver.HistoryAsync(request.Name);

        if (Allowed.TryGetValue((from, action), out var expected))
        {
            var reason = $"{action} from {from}";
            var changed = await driver.ActAsync(request.Name, action, reason: reason);

            Assert.Equal(expected, changed.State);
            Assert.NotEqual(request.Etag, changed.Etag);
            var last = (await driver.HistoryAsync(request.Name))[^1];
            // An update has no reason field: the edit itself is the record.
            Assert.Equal((historyBefore.Count + 1L, action, from, expected, action == Action.Update ? "" : reason),
                (last.Sequence, last.Action, last.FromState, last.ToState, last.Reason));
        }
        else
        {
            var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => driver.ActAsync(request.Name, action));

            Assert.Equal("INVALID_STATE", failure.ErrorInfo()?.Reason);
            Assert.Equal(from.ToString(), failure.ErrorInfo()?.Metadata["current_state"]);
            Assert.Contains(StateName(from), failure.Status.Detail, StringComparison.Ordinal);
            var unchanged = (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest;
            Assert.Equal(request, unchanged);
            Assert.Equal(historyBefore.Count, (await driver.HistoryAsync(request.Name)).Count);
        }
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_submitted_and_the_error_lists_what_is_missing()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var draft = await driver.CreateAsync(SampleData.Request(SampleData.UniqueTitle("incomplete")));

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => driver.ActAsync(draft.Name, Action.Submit));

        Assert.Equal("REQUEST_INCOMPLETE", failure.ErrorInfo()?.Reason);
        Assert.Equal(
            "focal_point,beneficiary_institutions,assistance_types,desired_start,desired_end,languages,estimated_participants,indicative_budget,target_audiences",
            failure.ErrorInfo()?.Metadata["missing_fields"]);
        Assert.Equal(State.Draft, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = draft.Name })).AssistanceRequest.State);
    }

    [Theory]
    [InlineData(Action.Reject, State.UnderReview)]
    [InlineData(Action.Withdraw, State.UnderReview)]
    [InlineData(Action.Suspend, State.Approved)]
    public async Task Rejecting_withdrawing_and_suspending_need_a_reason(Action action, State from)
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(from);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => driver.ActAsync(request.Name, action, reason: " "));

        Assert.Equal(["reason"], failure.ViolatedFields());
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var draft = await driver.CreateAsync();
        var edited = await driver.ActAsync(draft.Name, Action.Update);

        var failure = await RichErrors.FailsWith(StatusCode.Aborted, () => driver.ActAsync(draft.Name, Action.Submit, etag: draft.Etag));

        Assert.Equal("ETAG_MISMATCH", failure.ErrorInfo()?.Reason);
        Assert.Equal(edited, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = draft.Name })).AssistanceRequest);
        Assert.Equal(State.Submitted, (await driver.ActAsync(draft.Name, Action.Submit, etag: edited.Etag)).State);
    }

    [Fact]
    public async Task Transitions_of_a_missing_request_are_not_found()
    {
        var driver = new RequestLifecycleDriver(assistance);

        var failure = await RichErrors.FailsWith(StatusCode.NotFound, () => driver.ActAsync("requests/0123456789abcdef0123456789abcdef", Action.Submit));

        Assert.Equal("RESOURCE_NOT_FOUND", failure.ErrorInfo()?.Reason);
    }

    private static string StateName(State state) =>
        AssistanceRequest.Descriptor.EnumTypes.Single(type => type.Name == "State").FindValueByNumber((int)state).Name;
}
