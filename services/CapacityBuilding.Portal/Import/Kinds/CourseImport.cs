using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Courses of the catalogue (CreateCourse), in the status the training service gives a new course.</summary>
public sealed class CourseImport(ServiceClientFactory<TrainingService.TrainingServiceClient> training, ImportCodeLists lists) : IImportKind
{
    public string Slug => "courses";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("row_key", "request_id", ColumnValues.RowKey),
        new("title", "course.title"),
        new("summary", "course.summary"),
        new("thematic_areas", "course.thematic_areas", ColumnValues.Codes),
        new("languages", "course.languages", ColumnValues.Languages),
        new("level", "course.level", ColumnValues.Code),
        new("target_audiences", "course.target_audiences", ColumnValues.Codes),
        new("delivery_mode", "course.delivery_mode", ColumnValues.Code),
        new("duration_hours", "course.duration_hours", ColumnValues.WholeNumber),
        new("max_class_size", "course.max_class_size", ColumnValues.WholeNumber),
    ];

    public ImportMapping Mapping()
    {
        var (areas, languages, levels, audiences, modes) = (lists.ThematicAreas(), lists.CourseLanguages(), lists.CourseLevels(), lists.TargetAudiences(), lists.DeliveryModes());
        return new ImportMapping(row => new CreateCourseRequest
        {
            Course = new Course
            {
                Title = row.Text("title"),
                Summary = row.Text("summary"),
                ThematicAreas = { row.Codes("thematic_areas", areas) },
                Languages = { row.CodesOrText("languages", languages) },
                Level = row.Code("level", levels) ?? CourseLevel.Unspecified,
                TargetAudiences = { row.Codes("target_audiences", audiences) },
                DeliveryMode = row.Code("delivery_mode", modes) ?? DeliveryMode.Unspecified,
                DurationHours = row.WholeNumber("duration_hours") ?? 0,
                MaxClassSize = row.WholeNumber("max_class_size") ?? 0,
            },
        }, new Dictionary<string, IEnumerable<(string, string)>>
        {
            ["thematic_areas"] = ImportValues.Listed(areas),
            ["languages"] = ImportValues.Listed(languages),
            ["level"] = ImportValues.Listed(levels),
            ["target_audiences"] = ImportValues.Listed(audiences),
            ["delivery_mode"] = ImportValues.Listed(modes),
        });
    }

    public async Task<Timestamp?> SendAsync(IMessage create, CallOptions options) =>
        (await training.Create().CreateCourseAsync((CreateCourseRequest)create, options)).Course?.CreateTime;
}
