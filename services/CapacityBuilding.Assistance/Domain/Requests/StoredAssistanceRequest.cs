using System.Text.Json.Serialization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// An assistance request as the assistance service stores it. <see cref="HistoryLength"/> and
/// <see cref="HistoryHead"/> record the end of its hash-chained history, written in the same
/// script as the entry, so that a truncated history is detected too.
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StoredPublicationConsent? PublicationConsent = null);

/// <summary>The requesting state's decision on publishing the request: whether, who decided, when.</summary>
public sealed record StoredPublicationConsent(bool Publish, string DecidedBy, DateTimeOffset DecideTime);

public sealed record StoredFocalPoint(string DisplayName, string Email, string Institution);

/// <summary>google.type.Money as stored: never a floating-point number.</summary>
public sealed record StoredMoney(string CurrencyCode, long Units, int Nanos);

public sealed record StoredCourseProposal(
    CourseProposal.Types.Status Status,
    IReadOnlyList<StoredProposedCourse> Courses,
    DateTimeOffset UpdateTime,
    string Failure);

public sealed record StoredProposedCourse(string Course, string Title, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> OpenSessions);
