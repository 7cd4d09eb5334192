using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Requests;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The requests the reader may see, with the state filter: a focal point's (<see cref="RequestList"/>,
/// their country's only) and the audit's list of every request for coordinators and auditors
/// (<see cref="Components.Pages.Audit.AuditPage"/>), the same rpc and filter.
/// </summary>
public sealed class RequestsSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<RequestList> strings, CodeListNames codes)
    : ListSheet<AssistanceRequest>
{
    public override string Name => "requests";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<AssistanceRequest>> Columns() =>
    [
        new(strings["RequestTitle"], request => SheetCell.Of(request.Title)),
        new(strings["Country"], request => SheetCell.Of(codes.CountryName(request.RequestingState))),
        new(strings["Themes"], request => SheetCell.Of(string.Join(", ", request.ThematicAreas.Select(codes.ThematicAreaName)))),
        new(strings["State"], request => SheetCell.Of(codes.RequestStateName(request.State))),
        new(strings["Created"], request => SheetCell.Of(SheetDates.Day(request.CreateTime))),
        new(strings["Updated"], request => SheetCell.Of(SheetDates.Day(request.UpdateTime))),
    ];

    protected override IAsyncEnumerable<AssistanceRequest> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = assistance.Create();
        var state = RequestList.StateFilter(filters["state"]) ?? AssistanceRequest.Types.State.Unspecified;
        return ServicePages.AllAsync(
            (token, cancel) => client.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = pageSize, PageToken = token, State = state }, cancellationToken: cancel).ResponseAsync,
            page => page.AssistanceRequests, page => page.NextPageToken, cancellation);
    }
}
