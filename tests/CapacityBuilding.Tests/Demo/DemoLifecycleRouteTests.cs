using CapacityBuilding.DemoData.Lifecycle;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Demo;

/// <summary>A re-run of the demo loader applies only the lifecycle steps a request still lacks, and leaves alone one moved elsewhere.</summary>
public sealed class DemoLifecycleRouteTests
{
    public static TheoryData<State, State, string?> Cases => new()
    {
        // current, target, the steps still missing (null: off the route, left alone)
        { State.Draft, State.Draft, "" },
        { State.Draft, State.Approved, "Submit BeginReview Approve" },
        { State.Draft, State.InDelivery, "Submit BeginReview Approve StartDelivery" },
        { State.Submitted, State.Approved, "BeginReview Approve" },
        { State.UnderReview, State.Rejected, "Reject" },
        { State.Approved, State.InDelivery, "StartDelivery" },
        { State.Approved, State.Approved, "" },
        { State.InDelivery, State.InDelivery, "" },
        { State.Submitted, State.Withdrawn, "Withdraw" },
        { State.Withdrawn, State.Withdrawn, "" },
        { State.InDelivery, State.Approved, null },
        { State.Withdrawn, State.Approved, null },
        { State.Rejected, State.Approved, null },
        { State.Approved, State.UnderReview, null },
        { State.Draft, State.Suspended, "Submit BeginReview Approve Suspend" },
        { State.Approved, State.Suspended, "Suspend" },
        { State.Suspended, State.Suspended, "" },
        { State.Suspended, State.Approved, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Remaining_steps_start_from_the_current_state(State current, State target, string? expected)
    {
        var steps = LifecycleRoute.Remaining(current, target);

        Assert.Equal(expected, steps is null ? null : string.Join(' ', steps.Select(step => step.Action)));
    }
}
