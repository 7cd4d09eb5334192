using System.Runtime.CompilerServices;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A focal point's nationals' enrolments in every session (<see cref="NationalsEnrolmentsPage"/>):
/// the training service lists a member state its own nationals only. Each row names its course and
/// its session's first day and place, each session and course read once per download.
/// </summary>
public sealed class NationalsEnrolmentsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training,
    IStringLocalizer<NationalsEnrolmentsPage> strings, IStringLocalizer<EnrolmentStateText> states, IStringLocalizer<CatalogueNames> names)
    : ListSheet<NationalsEnrolmentsSheet.Row>
{
    public sealed record Row(Enrolment Enrolment, Session Session, string CourseTitle);

    public override string Name => "nationals-enrolments";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState];

    protected override IEnumerable<SheetColumn<Row>> Columns() =>
    [
        new(strings["Participant"], row => SheetCell.Of(row.Enrolment.ParticipantName)),
        new(strings["Course"], row => SheetCell.Of(row.CourseTitle)),
        new(strings["Session"], row => SheetCell.Of(SheetDates.Day(row.Session.StartTime))),
        new(strings["Location"], row => SheetCell.Of(row.Session.Location)),
        new(strings["State"], row => SheetCell.Of(EnrolmentStates.Text(row.Enrolment, states, names))),
    ];

    protected override async IAsyncEnumerable<Row> ReadAsync(IQueryCollection filters, int pageSize, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var client = training.Create();
        var sessions = new Dictionary<string, Session>();
        var courseTitles = new Dictionary<string, string>();
        var enrolments = ServicePages.AllAsync(
            (token, cancel) => client.ListEnrolmentsAsync(
                new ListEnrolmentsRequest { Parent = NationalsEnrolmentsPage.EverySession, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Enrolments, page => page.NextPageToken, cancellation);
        await foreach (var enrolment in enrolments)
        {
            var sessionName = CataloguePaths.SessionOf(enrolment.Name);
            if (!sessions.TryGetValue(sessionName, out var session))
            {
                session = (await client.GetSessionAsync(new GetSessionRequest { Name = sessionName }, cancellationToken: cancellation)).Session;
                sessions[sessionName] = session;
            }

            var courseName = CataloguePaths.CourseOf(sessionName);
            if (!courseTitles.TryGetValue(courseName, out var courseTitle))
            {
                courseTitle = (await client.GetCourseAsync(new GetCourseRequest { Name = courseName }, cancellationToken: cancellation)).Course.Title;
                courseTitles[courseName] = courseTitle;
            }

            yield return new Row(enrolment, session, courseTitle);
        }
    }
}
