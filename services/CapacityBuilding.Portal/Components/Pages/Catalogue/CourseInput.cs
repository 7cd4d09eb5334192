using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// The course form's fields. Lists arrive as the checked boxes' values (none checked posts
/// nothing, which the form binder makes null: an empty list here); prerequisites as one per
/// line. Nothing is checked here: the service says what is wrong, field by field.
/// </summary>
public sealed class CourseInput
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<ThematicArea> ThematicAreas { get; set => field = value ?? []; } = [];

    public List<string> Languages { get; set => field = value ?? []; } = [];

    public CourseLevel Level { get; set; }

    public List<TargetAudience> TargetAudiences { get; set => field = value ?? []; } = [];

    public DeliveryMode DeliveryMode { get; set; }

    public int? DurationHours { get; set; }

    public string? Prerequisites { get; set; }

    public int? MaxClassSize { get; set; }

    public CourseStatus Status { get; set; }

    /// <summary>The version the form was filled from (AIP-154): an update over someone else's change is refused.</summary>
    public string? Etag { get; set; }

    /// <summary>The create form's idempotency key (AIP-155).</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public static CourseInput From(Course course) => new()
    {
        Title = course.Title,
        Summary = course.Summary,
        ThematicAreas = [.. course.ThematicAreas],
        Languages = [.. course.Languages],
        Level = course.Level,
        TargetAudiences = [.. course.TargetAudiences],
        DeliveryMode = course.DeliveryMode,
        DurationHours = course.DurationHours,
        Prerequisites = string.Join('\n', course.Prerequisites),
        MaxClassSize = course.MaxClassSize,
        Status = course.Status,
        Etag = course.Etag,
    };

    public Course ToMessage(string name = "") => new()
    {
        Name = name,
        Title = Title ?? "",
        Summary = Summary ?? "",
        ThematicAreas = { ThematicAreas },
        Languages = { Languages },
        Level = Level,
        TargetAudiences = { TargetAudiences },
        DeliveryMode = DeliveryMode,
        DurationHours = DurationHours ?? 0,
        Prerequisites = { (Prerequisites ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
        MaxClassSize = MaxClassSize ?? 0,
        Status = Status,
        Etag = Etag ?? "",
    };
}
