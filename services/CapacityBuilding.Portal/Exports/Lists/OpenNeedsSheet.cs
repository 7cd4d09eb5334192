using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Needs;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>The donor's open needs in the service's ranking (<see cref="OpenNeedsPage"/>): the row order is the rank.</summary>
public sealed class OpenNeedsSheet(ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<NeedStrings> strings, CodeListNames codes, SignedInCaller signedIn)
    : ListSheet<OpenNeed>
{
    public override string Name => "open-needs";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Donor];

    protected override IEnumerable<SheetColumn<OpenNeed>> Columns() =>
    [
        new(strings["Request"], need => SheetCell.Of(need.Title)),
        new(strings["RequestingState"], need => SheetCell.Of(codes.CountryName(need.RequestingState))),
        new(strings["ThematicAreas"], need => SheetCell.Of(string.Join(", ", need.ThematicAreas.Select(codes.ThematicAreaName)))),
        new(strings["Priority"], need => SheetCell.Of(need.PriorityScore)),
        .. MoneyColumns.Of<OpenNeed>(strings["StillNeeded"], strings["Currency"], need => need.StillNeeded),
        .. MoneyColumns.Of<OpenNeed>($"{strings["StillNeeded"]} (USD)", strings["Currency"], need => need.StillNeededUsd),
        .. MoneyColumns.Of<OpenNeed>(strings["Budget"], strings["Currency"], need => need.Budget),
        new(strings["BudgetBasis"], need => SheetCell.Of(BudgetBasisText.Of(strings, need.BudgetBasis))),
    ];

    protected override IAsyncEnumerable<OpenNeed> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = funding.Create();
        var donor = $"donors/{signedIn.Current?.DonorId}";
        return ServicePages.AllAsync(
            (token, cancel) => client.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = donor, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.OpenNeeds, page => page.NextPageToken, cancellation);
    }
}
