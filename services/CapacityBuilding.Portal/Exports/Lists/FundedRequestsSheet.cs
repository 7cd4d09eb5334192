using System.Runtime.CompilerServices;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The requests the donor's money funds (<see cref="FundedRequests"/>): the assistance service
/// lists a donor only those, and each row's funding is the funding service's, read as the page
/// reads it, in US dollars (an amount and its currency each).
/// </summary>
public sealed class FundedRequestsSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance,
    ServiceClientFactory<FundingService.FundingServiceClient> funding, IStringLocalizer<FundingStrings> strings, CodeListNames codes)
    : ListSheet<FundedRequestsSheet.Row>
{
    public sealed record Row(AssistanceRequest Request, RequestFunding Funding);

    public override string Name => "funded-requests";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Row>> Columns() =>
    [
        new(strings["RequestTitle"], row => SheetCell.Of(row.Request.Title)),
        new(strings["Country"], row => SheetCell.Of(codes.CountryName(row.Request.RequestingState))),
        new(strings["State"], row => SheetCell.Of(codes.RequestStateName(row.Request.State))),
        .. MoneyColumns.Of<Row>(strings["IndicativeBudget"], strings["Currency"], row => row.Funding.Totals?.IndicativeBudgetUsd),
        .. MoneyColumns.Of<Row>(strings["Allocated"], strings["Currency"], row => row.Funding.Totals?.AllocatedUsd),
        .. MoneyColumns.Of<Row>(strings["Disbursed"], strings["Currency"], row => row.Funding.Totals?.DisbursedUsd),
        .. MoneyColumns.Of<Row>(strings["FundingGap"], strings["Currency"], row => row.Funding.Totals?.GapUsd),
    ];

    protected override async IAsyncEnumerable<Row> ReadAsync(IQueryCollection filters, int pageSize, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var requests = assistance.Create();
        var money = funding.Create();
        var funded = ServicePages.AllAsync(
            (token, cancel) => requests.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.AssistanceRequests, page => page.NextPageToken, cancellation);
        await foreach (var request in funded)
        {
            var requestFunding = await money.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name }, cancellationToken: cancellation);
            yield return new Row(request, requestFunding.RequestFunding);
        }
    }
}
