using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>The donors (<see cref="DonorList"/>).</summary>
public sealed class DonorsSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings, CodeListNames codes)
    : ListSheet<Donor>
{
    public override string Name => "donors";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Donor>> Columns() =>
    [
        new(strings["DonorName"], donor => SheetCell.Of(donor.DisplayName)),
        new(strings["DonorKind"], donor => SheetCell.Of(strings["DonorKind_" + donor.Kind])),
        new(strings["Country"], donor => SheetCell.Of(donor.Country.Length > 0 ? codes.CountryName(donor.Country) : "")),
        new(strings["IatiIdentifier"], donor => SheetCell.Of(donor.IatiIdentifier)),
    ];

    protected override IAsyncEnumerable<Donor> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListDonorsAsync(new ListDonorsRequest { PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Donors, page => page.NextPageToken, cancellation);
    }
}
