using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored course and its API message.</summary>
internal static class CourseMessages
{
    /// <summary>The fields UpdateCourse may change, as update mask paths.</summary>
    public static readonly UpdatableFields<Course> UpdatableFields = new(
    [
        "title", "summary", "thematic_areas", "languages", "level", "target_audiences", "delivery_mode",
        "duration_hours", "prerequisites", "max_class_size", "status",
    ]);

    public static StoredCourse ToNewStoredCourse(this Course message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        Title: message.Title.Trim(),
        Summary: message.Summary.Trim(),
        ThematicAreas: [.. message.ThematicAreas],
        Languages: [.. message.Languages],
        Level: message.Level,
        TargetAudiences: [.. message.TargetAudiences],
        DeliveryMode: message.DeliveryMode,
        DurationHours: message.DurationHours,
        Prerequisites: [.. message.Prerequisites.Select(prerequisite => prerequisite.Trim())],
        MaxClassSize: message.MaxClassSize,
        Status: message.Status == CourseStatus.Unspecified ? CourseStatus.Draft : message.Status,
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    /// <summary>The stored form of a validated, updated message: new etag and update time.</summary>
    public static StoredCourse ToUpdatedStoredCourse(this Course updated, StoredCourse current, DateTimeOffset now) => current with
    {
        Title = updated.Title.Trim(),
        Summary = updated.Summary.Trim(),
        ThematicAreas = [.. updated.ThematicAreas],
        Languages = [.. updated.Languages],
        Level = updated.Level,
        TargetAudiences = [.. updated.TargetAudiences],
        DeliveryMode = updated.DeliveryMode,
        DurationHours = updated.DurationHours,
        Prerequisites = [.. updated.Prerequisites.Select(prerequisite => prerequisite.Trim())],
        MaxClassSize = updated.MaxClassSize,
        Status = updated.Status,
        UpdateTime = now,
        Etag = Etags.New(),
    };

    public static Course ToMessage(this StoredCourse course) => new()
    {
        Name = CourseNames.Course.Format(course.Id),
        Title = course.Title,
        Summary = course.Summary,
        ThematicAreas = { course.ThematicAreas },
        Languages = { course.Languages },
        Level = course.Level,
        TargetAudiences = { course.TargetAudiences },
        DeliveryMode = course.DeliveryMode,
        DurationHours = course.DurationHours,
        Prerequisites = { course.Prerequisites },
        MaxClassSize = course.MaxClassSize,
        Status = course.Status,
        CreateTime = Timestamp.FromDateTimeOffset(course.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(course.UpdateTime),
        Etag = course.Etag,
    };
}
