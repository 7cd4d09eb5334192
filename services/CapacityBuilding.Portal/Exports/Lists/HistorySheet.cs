using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Audit;
using CapacityBuilding.Portal.Components.Pages.Requests;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A request's history, oldest first (<see cref="RequestTimeline"/> on its page, the table of
/// <see cref="RequestAuditPage"/>), the request being the download's <c>parent</c>: the assistance
/// service lists it as it does for the pages (its country's focal points, coordinators, auditors;
/// another country's request is not found). Every entry with its actor, action, state change,
/// reason and hash, the columns of the audit page, so a kept file can be checked against the chain.
/// </summary>
public sealed class HistorySheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<RequestAuditPage> strings, CodeListNames codes)
    : ListSheet<HistoryEntry>
{
    public override string Name => "history";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<HistoryEntry>> Columns() =>
    [
        new(strings["Sequence"], entry => SheetCell.Of(entry.Sequence)),
        new(strings["When"], entry => SheetCell.Of(SheetDates.Day(entry.Time))),
        new(strings["Actor"], entry => SheetCell.Of(entry.Actor)),
        new(strings["Action"], entry => SheetCell.Of(strings["Action_" + entry.Action])),
        new(strings["Change"], entry => SheetCell.Of(StateChange(entry))),
        new(strings["Reason"], entry => SheetCell.Of(entry.Reason)),
        new(strings["Hash"], entry => SheetCell.Of(entry.Hash)),
    ];

    protected override IAsyncEnumerable<HistoryEntry> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = assistance.Create();
        var request = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = request, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.HistoryEntries, page => page.NextPageToken, cancellation);
    }

    private string StateChange(HistoryEntry entry) => StateChange(entry, strings, codes);

    /// <summary>The state an entry left the request in, from the one before if there was one: the audit page's words too.</summary>
    internal static string StateChange(HistoryEntry entry, IStringLocalizer<RequestAuditPage> strings, CodeListNames codes) =>
        entry.FromState == AssistanceRequest.Types.State.Unspecified
            ? codes.RequestStateName(entry.ToState)
            : strings["StateChange", codes.RequestStateName(entry.FromState), codes.RequestStateName(entry.ToState)];
}
