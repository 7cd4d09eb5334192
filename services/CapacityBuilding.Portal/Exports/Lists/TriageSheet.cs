using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Triage;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>The coordinator's triage queue (<see cref="TriageQueue"/>) in priority order, with all its filters.</summary>
public sealed class TriageSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<TriageQueue> strings, CodeListNames codes)
    : ListSheet<AssistanceRequest>
{
    public override string Name => "triage";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator];

    protected override IEnumerable<SheetColumn<AssistanceRequest>> Columns() =>
    [
        new(strings["Priority"], request => SheetCell.Of(request.PriorityScore)),
        new(strings["RequestTitle"], request => SheetCell.Of(request.Title)),
        new(strings["Country"], request => SheetCell.Of(codes.CountryName(request.RequestingState))),
        new(strings["DacGroup"], request => SheetCell.Of(codes.DacIncomeGroupName(request.DacIncomeGroup))),
        new(strings["Themes"], request => SheetCell.Of(string.Join(", ", request.ThematicAreas.Select(codes.ThematicAreaName)))),
        new(strings["State"], request => SheetCell.Of(codes.RequestStateName(request.State))),
        new(strings["Created"], request => SheetCell.Of(SheetDates.Day(request.CreateTime))),
    ];

    protected override IAsyncEnumerable<AssistanceRequest> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = assistance.Create();
        var triage = TriageFilters.FromQuery(filters["state"], filters["country"], filters["theme"], filters["dac"], filters["from"], filters["to"]);
        return ServicePages.AllAsync(
            (token, cancel) => client.ListAssistanceRequestsAsync(triage.ToListRequest(pageSize, token), cancellationToken: cancel).ResponseAsync,
            page => page.AssistanceRequests, page => page.NextPageToken, cancellation);
    }
}
