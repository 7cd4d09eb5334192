using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A session's seat holds (<see cref="SessionSeatHolds"/> on <see cref="SessionPage"/>), the session
/// being the download's <c>parent</c>: the training service lists them as it does for the page
/// (coordinators and auditors every state's, a focal point its own state's); seats as numbers.
/// </summary>
public sealed class SeatHoldsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<SessionPage> strings, CodeListNames codes)
    : ListSheet<SeatHold>
{
    public override string Name => "seat-holds";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<SeatHold>> Columns() =>
    [
        new(strings["SeatHoldCountry"], hold => SheetCell.Of(codes.CountryName(hold.Country))),
        new(strings["SeatHoldSeats"], hold => SheetCell.Of(hold.Seats)),
        new(strings["SeatHoldUsed"], hold => SheetCell.Of(hold.SeatsUsed)),
        new(strings["SeatHoldState"], hold => SheetCell.Of(strings["SeatHoldState_" + hold.State])),
    ];

    protected override IAsyncEnumerable<SeatHold> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var session = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListSeatHoldsAsync(new ListSeatHoldsRequest { Parent = session, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.SeatHolds, page => page.NextPageToken, cancellation);
    }
}
