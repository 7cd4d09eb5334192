using System.Globalization;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.SeatHolds;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<CreateSeatHoldResponse> CreateSeatHold(CreateSeatHoldRequest request, ServerCallContext context)
    {
        var parent = CourseNames.Session.Parse(request.Parent, "parent", errors);
        seatHoldValidator.EnsureValid(request, errors);
        // Only coordinators and services create holds, and both see every hold: a replay needs no row-level check.
        var hold = request.ToNewStoredSeatHold(parent, clock.GetUtcNow());
        return await seatHolds.CreateAsync(hold, IdempotentCreate.Of(context.GetCaller(), request)) switch
        {
            SeatHoldCreateOutcome.Created created => new CreateSeatHoldResponse { SeatHold = created.SeatHold.ToMessage() },
            SeatHoldCreateOutcome.SessionMissing => throw errors.NotFound(CourseNames.Session.ResourceType, request.Parent),
            SeatHoldCreateOutcome.SessionNotOpen notOpen => throw errors.WrongStatus(ErrorReasons.SessionNotOpenForEnrolment,
                $"{request.Parent} is {ProtoEnumNames.OfStored<SessionStatus>(notOpen.Status)}; only a SESSION_STATUS_SCHEDULED session takes seat holds.",
                ProtoEnumNames.OfStored<SessionStatus>(notOpen.Status)),
            SeatHoldCreateOutcome.SeatsUnavailable unavailable => throw errors.FailedPrecondition(ErrorReasons.SeatsUnavailable,
                $"{request.Parent} has {unavailable.FreeSeats} free seats; the hold asks for {hold.Seats}.",
                new Dictionary<string, string> { ["free_seats"] = unavailable.FreeSeats.ToString(CultureInfo.InvariantCulture) }),
            SeatHoldCreateOutcome.IdTaken => throw errors.AlreadyExists(ErrorReasons.SeatHoldExists,
                $"A seat hold with id {request.SeatHoldId} exists already.",
                CourseNames.SeatHold.ResourceType, CourseNames.SeatHold.Format(parent.CourseId, parent.SessionId, request.SeatHoldId)),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    public override async Task<GetSeatHoldResponse> GetSeatHold(GetSeatHoldRequest request, ServerCallContext context) =>
        new() { SeatHold = (await VisibleSeatHoldAsync(request.Name, context.GetCaller())).ToMessage() };

    public override async Task<ListSeatHoldsResponse> ListSeatHolds(ListSeatHoldsRequest request, ServerCallContext context)
    {
        var session = await ExistingSessionAsync(request.Parent, "parent");
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var country = SeatHoldAccess.CountryListedFor(context.GetCaller());
        var scope = country is null ? request.Parent : $"{request.Parent}?country={country}";
        var (items, lastId) = await seatHolds.ListAsync(session.Id, country, pageSize, pageTokens.Decode(request.PageToken, scope));
        return new ListSeatHoldsResponse
        {
            SeatHolds = { items.Select(hold => hold.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, scope),
        };
    }

    public override async Task<ConfirmSeatHoldResponse> ConfirmSeatHold(ConfirmSeatHoldRequest request, ServerCallContext context)
    {
        var hold = await VisibleSeatHoldAsync(request.Name, context.GetCaller());
        return await seatHolds.ConfirmAsync(hold.SessionId, hold.Id, clock.GetUtcNow()) switch
        {
            SeatHoldChangeOutcome.Changed changed => new ConfirmSeatHoldResponse { SeatHold = changed.SeatHold.ToMessage() },
            SeatHoldChangeOutcome.Released => throw errors.WrongState(ErrorReasons.SeatHoldReleased,
                $"{request.Name} was released: its seats went back to the session.", ProtoEnumNames.Of(SeatHold.Types.State.Released)),
            SeatHoldChangeOutcome.NotFound => throw errors.NotFound(CourseNames.SeatHold.ResourceType, request.Name),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    public override async Task<ReleaseSeatHoldResponse> ReleaseSeatHold(ReleaseSeatHoldRequest request, ServerCallContext context)
    {
        var hold = await VisibleSeatHoldAsync(request.Name, context.GetCaller());
        return await seatHolds.ReleaseAsync(hold.SessionId, hold.Id, clock.GetUtcNow()) switch
        {
            SeatHoldChangeOutcome.Changed changed => new ReleaseSeatHoldResponse { SeatHold = changed.SeatHold.ToMessage() },
            SeatHoldChangeOutcome.NotFound => throw errors.NotFound(CourseNames.SeatHold.ResourceType, request.Name),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    /// <summary>The named hold, or NOT_FOUND when it does not exist, is of another course, or is not the caller's to see.</summary>
    private async Task<StoredSeatHold> VisibleSeatHoldAsync(string name, Caller caller)
    {
        var parsed = CourseNames.SeatHold.Parse(name, "name", errors);
        var hold = await seatHolds.GetAsync(parsed.SessionId, parsed.SeatHoldId);
        return hold is not null && hold.CourseId == parsed.CourseId && SeatHoldAccess.IsVisibleTo(caller, hold)
            ? hold
            : throw errors.NotFound(CourseNames.SeatHold.ResourceType, name);
    }
}
