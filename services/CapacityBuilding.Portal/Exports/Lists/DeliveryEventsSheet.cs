using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Delivery;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The delivery events the reader may see (<see cref="EventList"/>), or one request's (the
/// download's <c>parent</c>, from <see cref="RequestEvents"/> on the request's page), newest first:
/// a member state only its own country's, as the training service filters them for the pages; the
/// page's days become two date columns.
/// </summary>
public sealed class DeliveryEventsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<DeliveryNames> names, CodeListNames codes)
    : ListSheet<DeliveryEvent>
{
    public override string Name => "delivery-events";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor, CallerRole.MemberState];

    protected override IEnumerable<SheetColumn<DeliveryEvent>> Columns() =>
    [
        new(names["Column_Title"], deliveryEvent => SheetCell.Of(deliveryEvent.Title)),
        new(names["Column_Kind"], deliveryEvent => SheetCell.Of(names["Kind_" + deliveryEvent.Kind])),
        new(names["Column_Country"], deliveryEvent => SheetCell.Of(codes.CountryName(deliveryEvent.RequestingState))),
        new(names["Column_StartDate"], deliveryEvent => SheetCell.Of(CalendarDates.TryParse(deliveryEvent.StartDate))),
        new(names["Column_EndDate"], deliveryEvent => SheetCell.Of(CalendarDates.TryParse(deliveryEvent.EndDate))),
        new(names["Column_State"], deliveryEvent => SheetCell.Of(names["State_" + deliveryEvent.State])),
    ];

    protected override IAsyncEnumerable<DeliveryEvent> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var request = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListDeliveryEventsAsync(new ListDeliveryEventsRequest { AssistanceRequest = request, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.DeliveryEvents, page => page.NextPageToken, cancellation);
    }
}
