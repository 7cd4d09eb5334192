using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Courses;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored course and its API message.</summary>
internal static class CourseMessages
{
    public static StoredCourse ToNewStoredCourse(this Course message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        Title: message.Title.Trim(),
        Summary: message.Summary.Trim(),
        ThematicAreas: [.. message.ThematicAreas],
        Languages: [.. message.Languages],
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    public static Course ToMessage(this StoredCourse course) => new()
    {
        Name = CourseNames.Course.Format(course.Id),
        Title = course.Title,
        Summary = course.Summary,
        ThematicAreas = { course.ThematicAreas },
        Languages = { course.Languages },
        CreateTime = Timestamp.FromDateTimeOffset(course.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(course.UpdateTime),
        Etag = course.Etag,
    };
}
