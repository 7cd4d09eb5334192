using CapacityBuilding.Contracts.Lifecycle;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>The shared path to each state, which the demo loader and these tests follow, reaches it through allowed steps only.</summary>
public sealed class LifecyclePathTests
{
    public static TheoryData<State> States =>
        [.. Enum.GetValues<State>().Where(state => state != State.Unspecified)];

    [Theory]
    [MemberData(nameof(States))]
    public void Every_state_has_a_path_of_allowed_steps(State target)
    {
        var path = AssistanceRequestLifecycle.PathTo(target);

        var state = State.Draft;
        foreach (var step in path)
        {
            state = AssistanceRequestLifecycle.Next(state, step.Action) ?? throw new Xunit.Sdk.XunitException($"{step.Action} is refused in {state}.");
            Assert.Equal(step.After, state);
        }

        Assert.Equal(target, state);
    }
}
