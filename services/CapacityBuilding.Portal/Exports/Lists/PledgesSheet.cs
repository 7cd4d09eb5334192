using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A donor's pledges (<see cref="PledgeTable"/> on <see cref="DonorPage"/> and <see cref="MyFunding"/>,
/// and the auditor's pledge list); the donor is the download's <c>parent</c>, and the funding
/// service decides whose pledges a caller may list (a donor its own).
/// </summary>
public sealed class PledgesSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings)
    : ListSheet<Pledge>
{
    public override string Name => "pledges";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor, CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Pledge>> Columns() =>
    [
        .. MoneyColumns.Of<Pledge>(strings["Amount"], strings["Currency"], pledge => pledge.Amount),
        .. MoneyColumns.Of<Pledge>(strings["RemainingBalance"], strings["Currency"], pledge => pledge.RemainingBalance),
        new(strings["State"], pledge => SheetCell.Of(strings["PledgeState_" + pledge.State])),
        new(strings["ValidFrom"], pledge => SheetCell.Of(CalendarDates.TryParse(pledge.ValidFrom))),
        new(strings["ValidUntil"], pledge => SheetCell.Of(CalendarDates.TryParse(pledge.ValidUntil))),
        new(strings["Earmarked"], pledge => SheetCell.Of(PledgeTable.IsEarmarked(pledge) ? strings["Yes"] : strings["No"])),
    ];

    protected override IAsyncEnumerable<Pledge> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        var donor = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListPledgesAsync(new ListPledgesRequest { Parent = donor, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Pledges, page => page.NextPageToken, cancellation);
    }
}
