using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>The training catalogue (<see cref="CourseList"/>) with its filters: words, thematic area, level, language, delivery mode.</summary>
public sealed class CoursesSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<CourseList> strings,
    IStringLocalizer<CatalogueNames> names, CodeListNames codes) : ListSheet<Course>
{
    public override string Name => "catalogue";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Course>> Columns() =>
    [
        new(strings["CourseTitle"], course => SheetCell.Of(course.Title)),
        new(strings["ThematicAreas"], course => SheetCell.Of(string.Join(", ", course.ThematicAreas.Select(codes.ThematicAreaName)))),
        new(strings["Level"], course => SheetCell.Of(names.NameOf(course.Level))),
        new(strings["Languages"], course => SheetCell.Of(string.Join(", ", course.Languages.Select(CodeListNames.LanguageName)))),
        new(strings["DeliveryMode"], course => SheetCell.Of(names.NameOf(course.DeliveryMode))),
        new(strings["Status"], course => SheetCell.Of(names.NameOf(course.Status))),
    ];

    protected override IAsyncEnumerable<Course> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        return ServicePages.AllAsync(
            (token, cancel) => client.SearchCoursesAsync(
                CourseList.SearchRequest(filters["q"], filters["area"], filters["level"], filters["language"], filters["mode"], pageSize, token), cancellationToken: cancel).ResponseAsync,
            page => page.Courses, page => page.NextPageToken, cancellation);
    }
}
