using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Convention;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>Every state's status toward the Convention (<see cref="ConventionStatusesPage"/>), by country, for every role.</summary>
public sealed class ConventionStatusesSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<ConventionStrings> strings, CodeListNames codes)
    : ListSheet<ConventionStatus>
{
    public override string Name => "convention-statuses";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<ConventionStatus>> Columns() =>
    [
        new(strings["Country"], status => SheetCell.Of(codes.CountryName(ConventionPaths.CountryOf(status.Name)))),
        new(strings["Status"], status => SheetCell.Of(strings["Status_" + status.Status])),
        new(strings["SignatureDate"], status => SheetCell.Of(CalendarDates.TryParse(status.SignatureDate))),
        new(strings["ConsentDate"], status => SheetCell.Of(CalendarDates.TryParse(status.ConsentDate))),
        new(strings["Source"], status => SheetCell.Of(status.Source)),
    ];

    protected override IAsyncEnumerable<ConventionStatus> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = assistance.Create();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListConventionStatusesAsync(new ListConventionStatusesRequest { PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.ConventionStatuses, page => page.NextPageToken, cancellation);
    }
}
