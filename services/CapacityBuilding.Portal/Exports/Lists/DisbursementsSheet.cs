using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// An allocation's disbursements, newest first (<see cref="AllocationPage"/>), the allocation being
/// the download's <c>parent</c>: the funding service lists them as it does for the page (a donor
/// only those of its own money, another's is not found).
/// </summary>
public sealed class DisbursementsSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings)
    : ListSheet<Disbursement>
{
    public override string Name => "disbursements";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor, CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Disbursement>> Columns() =>
    [
        new(strings["DisbursementDate"], disbursement => SheetCell.Of(CalendarDates.TryParse(disbursement.DisbursementDate))),
        .. MoneyColumns.Of<Disbursement>(strings["Amount"], strings["Currency"], disbursement => disbursement.Amount),
        new(strings["Description"], disbursement => SheetCell.Of(disbursement.Description)),
    ];

    protected override IAsyncEnumerable<Disbursement> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        var allocation = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = allocation, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Disbursements, page => page.NextPageToken, cancellation);
    }
}
