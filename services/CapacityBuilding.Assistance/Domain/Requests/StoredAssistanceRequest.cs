using System.Text.Json.Serialization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// An assistance request as the assistance service stores it. <see cref="HistoryLength"/> and
/// <see cref="HistoryHead"/> record the end of its hash-chained history, written in the same
/// script as the entry, so that a truncated history is detected too. Fields added later are left
/// out of the JSON while unset, so that requests stored before them keep their digest
/// (<see cref="History.RequestDigest"/>) and their history verifies.
/// </summary>
public sealed record StoredAssistanceRequest(
    string Id,
    string RequestingState,
    string Title,
    string Description,
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<string> CourseIds,
    State State,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag,
    StoredFocalPoint? FocalPoint,
    IReadOnlyList<string> BeneficiaryInstitutions,
    IReadOnlyList<AssistanceType> AssistanceTypes,
    DateOnly? DesiredStart,
    DateOnly? DesiredEnd,
    IReadOnlyList<string> Languages,
    int EstimatedParticipants,
    StoredMoney? IndicativeBudget,
    IReadOnlyList<TargetAudience> TargetAudiences,
    DacIncomeGroup DacIncomeGroup,
    int PriorityScore,
    StoredCourseProposal? CourseProposal,
    long HistoryLength,
    string HistoryHead,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StoredMoney? ApprovedBudget = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StoredNeedsBaseline>? NeedsBaselines = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EndorsingAuthority = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? EndorsementDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StoredPublicationConsent? PublicationConsent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ActualStartDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ActualEndDate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? SecuritySensitive = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] State? SuspendedFrom = null);

/// <summary>
/// The requesting state's decision on publishing the request: whether, who decided, when, and the
/// optional parts it withholds from public outputs (left out of the JSON while none, so that
/// consents stored before they existed keep their form).
/// </summary>
public sealed record StoredPublicationConsent(
    bool Publish,
    string DecidedBy,
    DateTimeOffset DecideTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WithheldField>? WithheldFields = null);

public sealed record StoredFocalPoint(string DisplayName, string Email, string Institution);

/// <summary>The requesting state's self-assessed capacity in one thematic area, 1 to 5, with what it rests on.</summary>
public sealed record StoredNeedsBaseline(ThematicArea ThematicArea, int Level, string Note);

/// <summary>google.type.Money as stored: never a floating-point number.</summary>
public sealed record StoredMoney(string CurrencyCode, long Units, int Nanos);

public sealed record StoredCourseProposal(
    CourseProposal.Types.Status Status,
    IReadOnlyList<StoredProposedCourse> Courses,
    DateTimeOffset UpdateTime,
    string Failure);

public sealed record StoredProposedCourse(string Course, string Title, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> OpenSessions);
