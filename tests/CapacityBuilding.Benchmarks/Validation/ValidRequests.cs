using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Benchmarks.Validation;

/// <summary>
/// One valid request of each type that carries annotated rules, filled as a real caller fills it:
/// every annotated field set, lists of a few items, so that every rule runs and none fails; and one
/// read request, which carries no rule.
/// </summary>
internal static class ValidRequests
{
    private const string CourseName = "courses/0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string SessionName = CourseName + "/sessions/7c9e6679-7425-40de-944b-e07fc1f90ae7";

    public static IReadOnlyList<IMessage> All { get; } =
    [
        new CreateAssistanceRequestRequest { AssistanceRequest = AssistanceRequest(), RequestId = RequestId() },
        new UpdateAssistanceRequestRequest { AssistanceRequest = AssistanceRequest(), UpdateMask = new FieldMask { Paths = { "title" } } },
        new ReviewAssistanceRequestRequest { Name = "assistanceRequests/1", Decision = ReviewAssistanceRequestRequest.Types.Decision.Approve, Reason = "Fits the programme's e-evidence priorities." },
        new CreateCourseRequest { Course = Course(), RequestId = RequestId() },
        new UpdateCourseRequest { Course = Course(), UpdateMask = new FieldMask { Paths = { "summary" } } },
        new GetCourseRequest { Name = CourseName },
        new SearchCoursesRequest
        {
            ThematicAreas = { ThematicArea.ElectronicEvidence },
            Languages = { "en", "fr" },
            Levels = { CourseLevel.Intermediate },
            Query = "chain of custody",
            PageSize = 20,
        },
        new CreateSessionRequest { Parent = CourseName, Session = Session(), RequestId = RequestId() },
        new CreateEnrolmentRequest
        {
            Parent = SessionName,
            Enrolment = new Enrolment { ParticipantName = "Ama Mensah", Email = "ama.mensah@example.org", Nationality = "GHA", Institution = "Ghana Police Service" },
            RequestId = RequestId(),
        },
        new CreateEvaluationRequest
        {
            Parent = SessionName,
            Evaluation = new Evaluation { Enrolment = SessionName + "/enrolments/1", Reaction = 5, Learning = 4, Behaviour = 3, Comments = "Practical and well paced." },
            RequestId = RequestId(),
        },
        new CreateDonorRequest { Donor = new Donor { DisplayName = "Norway", Kind = Donor.Types.Kind.State, Country = "NOR" }, RequestId = RequestId() },
        new CreatePledgeRequest
        {
            Parent = "donors/1",
            Pledge = new Pledge
            {
                Amount = new Google.Type.Money { CurrencyCode = "USD", Units = 250_000 },
                ValidFrom = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
                ValidUntil = new Google.Type.Date { Year = 2027, Month = 12, Day = 31 },
                Earmarks = new Earmarks { ThematicAreas = { ThematicArea.ElectronicEvidence }, Countries = { "GHA" } },
            },
            RequestId = RequestId(),
        },
        new CreateDisbursementRequest
        {
            Parent = "allocations/1",
            Disbursement = new Disbursement
            {
                Amount = new Google.Type.Money { CurrencyCode = "USD", Units = 10_000 },
                DisbursementDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 },
                Description = "First tranche of the workshop's costs.",
            },
            RequestId = RequestId(),
        },
    ];

    private static AssistanceRequest AssistanceRequest() => new()
    {
        Name = "assistanceRequests/1",
        RequestingState = "GHA",
        Title = "Electronic evidence for prosecutors",
        Description = "Prosecutors need to present electronic evidence that survives challenge in court.",
        ThematicAreas = { ThematicArea.ElectronicEvidence, ThematicArea.InternationalCooperation },
        Courses = { CourseName },
        FocalPoint = new FocalPoint { DisplayName = "Kofi Boateng", Email = "kofi.boateng@example.org", Institution = "Office of the Attorney-General" },
        BeneficiaryInstitutions = { "Office of the Attorney-General", "Ghana Police Service" },
        AssistanceTypes = { AssistanceType.Training },
        Languages = { "en", "fr" },
        EstimatedParticipants = 25,
        TargetAudiences = { TargetAudience.Prosecutors, TargetAudience.Investigators },
    };

    private static Course Course() => new()
    {
        Name = CourseName,
        Title = "Chain of custody for electronic evidence",
        Summary = "Seizing, imaging and hashing devices so that the evidence is admissible.",
        ThematicAreas = { ThematicArea.ElectronicEvidence },
        Languages = { "en", "es" },
        Level = CourseLevel.Intermediate,
        TargetAudiences = { TargetAudience.Investigators, TargetAudience.Prosecutors },
        DeliveryMode = DeliveryMode.InPerson,
        DurationHours = 24,
        Prerequisites = { "Basic digital forensics" },
        MaxClassSize = 30,
        Status = CourseStatus.Published,
    };

    private static Session Session() => new()
    {
        StartTime = Timestamp.FromDateTime(new DateTime(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc)),
        EndTime = Timestamp.FromDateTime(new DateTime(2026, 5, 8, 16, 0, 0, DateTimeKind.Utc)),
        Location = "Accra",
        Language = "en",
        SeatCapacity = 25,
    };

    private static string RequestId() => "0b5e4c1e-58f4-4a53-9d4c-8cbb1f3e7a10";
}
