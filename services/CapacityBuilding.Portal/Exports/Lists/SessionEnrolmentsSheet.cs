using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A session's enrolments in arrival order (<see cref="SessionPage"/>, <see cref="EnrolmentTable"/>),
/// for the roles the page shows them to; the session is the download's <c>parent</c>, which the
/// link carries from the page.
/// </summary>
public sealed class SessionEnrolmentsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training,
    IStringLocalizer<EnrolmentTable> strings, IStringLocalizer<EnrolmentStateText> states, IStringLocalizer<CatalogueNames> names, CodeListNames codes)
    : ListSheet<Enrolment>
{
    public override string Name => "session-enrolments";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Enrolment>> Columns() =>
    [
        new(strings["Participant"], enrolment => SheetCell.Of(enrolment.ParticipantName)),
        new(strings["Nationality"], enrolment => SheetCell.Of(codes.CountryName(enrolment.Nationality))),
        new(strings["Institution"], enrolment => SheetCell.Of(enrolment.Institution)),
        new(strings["State"], enrolment => SheetCell.Of(EnrolmentStates.Text(enrolment, states, names))),
    ];

    protected override IAsyncEnumerable<Enrolment> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var session = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Enrolments, page => page.NextPageToken, cancellation);
    }
}
