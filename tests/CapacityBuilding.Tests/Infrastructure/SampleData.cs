using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>Valid resources to start from; each test changes what it is about.</summary>
internal static class SampleData
{
    public static Course Course(string title = "Electronic evidence and chain of custody") => new()
    {
        Title = title,
        Summary = "Seizing, preserving and presenting electronic evidence so that courts admit it.",
        ThematicAreas = { ThematicArea.ElectronicEvidence, ThematicArea.ProceduralMeasures },
        Languages = { "es", "en" },
        Level = CourseLevel.Foundation,
        TargetAudiences = { TargetAudience.Investigators, TargetAudience.Prosecutors },
        DeliveryMode = DeliveryMode.InPerson,
        DurationHours = 35,
        Prerequisites = { "Basic criminal investigation training" },
        MaxClassSize = 25,
        Status = CourseStatus.Published,
    };

    /// <summary>A session of <paramref name="seats"/> seats starting <paramref name="start"/>, five days long.</summary>
    public static Session Session(DateTimeOffset start, int seats = 20, string language = "es") => new()
    {
        StartTime = Timestamp.FromDateTimeOffset(start),
        EndTime = Timestamp.FromDateTimeOffset(start.AddDays(5)),
        Location = "Accra, Ghana Police Academy",
        Language = language,
        SeatCapacity = seats,
    };

    public static Enrolment Enrolment(string email, string name = "Ama Mensah") => new()
    {
        ParticipantName = name,
        Email = email,
        Nationality = "GHA",
        Institution = "Ghana Police Service, Cybercrime Unit",
    };

    public static AssistanceRequest Request(string title = "E-evidence training for the cybercrime unit", params string[] courses) => new()
    {
        RequestingState = "GHA",
        Title = title,
        Description = "Investigators of the Ghana Police Service need to handle electronic evidence.",
        ThematicAreas = { ThematicArea.ElectronicEvidence },
        Courses = { courses },
    };

    public static Donor Donor(string displayName = "Norway", string iatiIdentifier = "") => new()
    {
        DisplayName = displayName,
        Kind = Contracts.Funding.V1.Donor.Types.Kind.State,
        Country = "NOR",
        IatiIdentifier = iatiIdentifier,
    };

    /// <summary>A pledge valid from a month ago to a year ahead, unearmarked.</summary>
    public static Pledge Pledge(long units = 250_000, string currency = "USD") => new()
    {
        Amount = new Money { CurrencyCode = currency, Units = units },
        ValidFrom = Day(System.DateTime.UtcNow.AddDays(-30)),
        ValidUntil = Day(System.DateTime.UtcNow.AddDays(365)),
    };

    public static Date Day(System.DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static string UniqueTitle(string prefix) => $"{prefix} {Guid.NewGuid():N}";
}
