using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Experts;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored expert and its API message.</summary>
internal static class ExpertMessages
{
    /// <summary>The fields UpdateExpert may change, as update mask paths.</summary>
    public static readonly UpdatableFields<Expert> UpdatableFields = new(
    [
        "display_name", "nationality", "languages", "thematic_areas", "convention_articles", "public_official", "availability", "contact",
    ]);

    public static StoredExpert ToNewStoredExpert(this Expert message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        DisplayName: message.DisplayName.Trim(),
        Nationality: message.Nationality,
        Languages: [.. message.Languages],
        ThematicAreas: [.. message.ThematicAreas],
        ConventionArticles: [.. message.ConventionArticles],
        PublicOfficial: message.PublicOfficial,
        Availability: ExpertValidator.AvailabilityOf(message),
        Email: message.Contact.Email.Trim(),
        Phone: message.Contact.Phone.Trim(),
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    /// <summary>The stored form of a validated, updated message: new etag and update time.</summary>
    public static StoredExpert ToUpdatedStoredExpert(this Expert updated, StoredExpert current, DateTimeOffset now) =>
        updated.ToNewStoredExpert(now) with { Id = current.Id, CreateTime = current.CreateTime };

    public static Expert ToMessage(this StoredExpert expert) => new()
    {
        Name = CourseNames.Expert.Format(expert.Id),
        DisplayName = expert.DisplayName,
        Nationality = expert.Nationality,
        Languages = { expert.Languages },
        ThematicAreas = { expert.ThematicAreas },
        ConventionArticles = { expert.ConventionArticles },
        PublicOfficial = expert.PublicOfficial,
        Availability =
        {
            expert.Availability.Select(period => new DateRange
            {
                StartDate = CalendarDates.ToMessage(period.Start),
                EndDate = CalendarDates.ToMessage(period.End),
            }),
        },
        Contact = new ExpertContact { Email = expert.Email, Phone = expert.Phone },
        CreateTime = Timestamp.FromDateTimeOffset(expert.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(expert.UpdateTime),
        Etag = expert.Etag,
    };
}
