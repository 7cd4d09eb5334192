using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A course's sessions (<see cref="SessionTable"/> on <see cref="CoursePage"/>), the course being the
/// download's <c>parent</c>: the page's dates become two date columns and its "seats taken of all"
/// two numbers.
/// </summary>
public sealed class CourseSessionsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<SessionTable> strings,
    IStringLocalizer<CatalogueNames> names) : ListSheet<Session>
{
    public override string Name => "course-sessions";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Session>> Columns() =>
    [
        new(strings["Column_StartDate"], session => SheetCell.Of(SheetDates.Day(session.StartTime))),
        new(strings["Column_EndDate"], session => SheetCell.Of(SheetDates.Day(session.EndTime))),
        new(strings["Location"], session => SheetCell.Of(session.Location)),
        new(strings["Language"], session => SheetCell.Of(CodeListNames.LanguageName(session.Language))),
        new(strings["Seats"], session => SheetCell.Of(session.ConfirmedCount)),
        new(strings["Column_SeatCapacity"], session => SheetCell.Of(session.SeatCapacity)),
        new(strings["HeldSeats"], session => SheetCell.Of(session.HeldSeatCount)),
        new(strings["Waitlist"], session => SheetCell.Of(session.WaitlistCount)),
        new(strings["Status"], session => SheetCell.Of(names.NameOf(session.Status))),
    ];

    protected override IAsyncEnumerable<Session> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var course = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListSessionsAsync(new ListSessionsRequest { Parent = course, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Sessions, page => page.NextPageToken, cancellation);
    }
}
