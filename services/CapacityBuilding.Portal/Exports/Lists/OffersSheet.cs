using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Offers;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A request's offers (<see cref="RequestOffers"/> on its page), the request being the download's
/// <c>parent</c>: the assistance service lists them as it does for the page (every offer to the
/// requesting state, coordinators and auditors, a donor's own money to a donor, nothing of
/// another country). What is proposed becomes its kind, the session and seats, or the pledge and
/// its amount with the currency.
/// </summary>
public sealed class OffersSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<OfferStrings> strings)
    : ListSheet<Offer>
{
    public override string Name => "offers";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor, CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Offer>> Columns() =>
    [
        new(strings["Proposal"], offer => SheetCell.Of(offer.ProposalCase == Offer.ProposalOneofCase.SessionSeats ? strings["KindSeats"] : strings["KindFunding"])),
        new(strings["Session"], offer => SheetCell.Of(offer.SessionSeats?.Session)),
        new(strings["Seats"], offer => offer.SessionSeats is { } seats ? SheetCell.Of(seats.Seats) : SheetCell.Empty),
        new(strings["Pledge"], offer => SheetCell.Of(offer.FundingPackage?.Pledge)),
        .. MoneyColumns.Of<Offer>(strings["Amount"], strings["Currency"], offer => offer.FundingPackage?.Amount),
        new(strings["Terms"], offer => SheetCell.Of(offer.Terms)),
        new(strings["Proposer"], offer => SheetCell.Of(offer.Proposer)),
        new(strings["CreateTime"], offer => SheetCell.Of(SheetDates.Day(offer.CreateTime))),
        new(strings["ExpireTime"], offer => SheetCell.Of(SheetDates.Day(offer.ExpireTime))),
        new(strings["OfferState"], offer => SheetCell.Of(strings["State_" + offer.State])),
        new(strings["AnswerTime"], offer => SheetCell.Of(SheetDates.Day(offer.AnswerTime))),
        new(strings["AnswerReason"], offer => SheetCell.Of(offer.AnswerReason)),
    ];

    protected override IAsyncEnumerable<Offer> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = assistance.Create();
        var request = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListOffersAsync(new ListOffersRequest { Parent = request, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Offers, page => page.NextPageToken, cancellation);
    }
}
