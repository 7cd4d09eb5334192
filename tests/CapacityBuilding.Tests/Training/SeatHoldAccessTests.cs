using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// A member state sees only its own country's seat holds, answered for another's as for a missing
/// one; only the assistance service confirms a hold (the requesting state accepted its offer).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SeatHoldAccessTests(SuiteFixture suite)
{
    private readonly SeatHoldSetup setup = new(suite);

    [Fact]
    public async Task A_member_state_reads_its_own_countrys_holds_and_another_countrys_are_not_found()
    {
        var session = await setup.Training.SessionAsync(seats: 10);
        var ghanas = await setup.HoldAsync(session, "GHA", 2);
        var kenyas = await setup.HoldAsync(session, "KEN", 2);
        var kenya = setup.MemberState("KEN");

        var foreign = await RichErrors.FailsWith(StatusCode.NotFound, () => kenya.GetSeatHoldAsync(new GetSeatHoldRequest { Name = ghanas.Name }).ResponseAsync);
        var missing = await RichErrors.FailsWith(StatusCode.NotFound, () =>
            kenya.GetSeatHoldAsync(new GetSeatHoldRequest { Name = $"{session.Name}/seatHolds/0123456789abcdef0123456789abcdef" }).ResponseAsync);
        Assert.Equal(missing.ErrorInfo()?.Reason, foreign.ErrorInfo()?.Reason);
        Assert.Equal(kenyas, (await kenya.GetSeatHoldAsync(new GetSeatHoldRequest { Name = kenyas.Name })).SeatHold);

        var listed = await kenya.ListSeatHoldsAsync(new ListSeatHoldsRequest { Parent = session.Name });
        Assert.Equal([kenyas.Name], listed.SeatHolds.Select(hold => hold.Name));
        var all = await setup.Coordinator.ListSeatHoldsAsync(new ListSeatHoldsRequest { Parent = session.Name });
        Assert.Equal([kenyas.Name, ghanas.Name], all.SeatHolds.Select(hold => hold.Name));
    }

    [Fact]
    public async Task A_member_states_pages_of_holds_are_full_however_many_holds_of_other_countries_lie_between()
    {
        var session = await setup.Training.SessionAsync(seats: 20);
        var own = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            own.Add((await setup.HoldAsync(session, "GHA", 1)).Name);
            for (var j = 0; j < 3; j++)
            {
                await setup.HoldAsync(session, "KEN", 1);
            }
        }

        var ghana = setup.MemberState("GHA");
        var pages = new List<int>();
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await ghana.ListSeatHoldsAsync(new ListSeatHoldsRequest { Parent = session.Name, PageSize = 2, PageToken = token });
            pages.Add(page.SeatHolds.Count);
            seen.AddRange(page.SeatHolds.Select(hold => hold.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([2, 2, 1], pages);
        Assert.Equal(Enumerable.Reverse(own), seen);
    }

    [Fact]
    public async Task Only_the_assistance_service_confirms_and_a_member_state_neither_holds_nor_releases()
    {
        var session = await setup.Training.SessionAsync(seats: 10);
        var hold = await setup.HoldAsync(session, "GHA", 2);
        var ghana = setup.MemberState("GHA");

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => setup.Coordinator.ConfirmSeatHoldAsync(new ConfirmSeatHoldRequest { Name = hold.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.ConfirmSeatHoldAsync(new ConfirmSeatHoldRequest { Name = hold.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = hold.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.CreateSeatHoldAsync(new CreateSeatHoldRequest
        {
            Parent = session.Name,
            SeatHold = new SeatHold { Country = "GHA", Seats = 1 },
        }).ResponseAsync);

        Assert.Equal(SeatHold.Types.State.Held, (await setup.ReadAsync(hold)).State);
        Assert.Equal(SeatHold.Types.State.Confirmed, (await setup.ConfirmAsync(hold)).State);
        Assert.Equal(SeatHold.Types.State.Released, (await setup.Coordinator.ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = hold.Name })).SeatHold.State);
    }
}
