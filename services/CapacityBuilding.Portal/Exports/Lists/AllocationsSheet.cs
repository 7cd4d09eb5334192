using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// Allocations, newest first: every one (<see cref="AllocationList"/>), a donor's (the download's
/// <c>parent</c>, from <see cref="DonorPage"/>) or a signed-in donor's own (<see cref="MyFunding"/>);
/// the funding service decides whose a caller may list (a donor only ever its own).
/// </summary>
public sealed class AllocationsSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings, CodeListNames codes)
    : ListSheet<Allocation>
{
    public override string Name => "allocations";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor, CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Allocation>> Columns() =>
    [
        .. MoneyColumns.Of<Allocation>(strings["Amount"], strings["Currency"], allocation => allocation.Amount),
        new(strings["Request"], allocation => SheetCell.Of(allocation.AssistanceRequest)),
        new(strings["Country"], allocation => SheetCell.Of(codes.CountryName(allocation.RequestingState))),
        .. MoneyColumns.Of<Allocation>(strings["Disbursed"], strings["Currency"], allocation => allocation.Disbursed),
        new(strings["State"], allocation => SheetCell.Of(strings["AllocationState_" + allocation.State])),
        new(strings["AllocationDate"], allocation => SheetCell.Of(CalendarDates.TryParse(allocation.AllocationDate))),
    ];

    protected override IAsyncEnumerable<Allocation> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        var donor = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListAllocationsAsync(new ListAllocationsRequest { Donor = donor, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Allocations, page => page.NextPageToken, cancellation);
    }
}
