using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Translates between the stored request and its API message.</summary>
internal static class AssistanceRequestMessages
{
    /// <summary>The fields UpdateAssistanceRequest may change, as update mask paths, with the fields inside them.</summary>
    public static readonly UpdatableFields<AssistanceRequest> UpdatableFields = new(
    [
        "requesting_state", "title", "description", "thematic_areas", "courses", "focal_point", "beneficiary_institutions",
        "assistance_types", "desired_start", "desired_end", "languages", "estimated_participants", "indicative_budget", "target_audiences",
        "needs_baselines", "endorsing_authority", "endorsement_date",
    ],
    subfields: true,
    rejection: path => $"'{path}' is not an editable field of AssistanceRequest.");

    /// <summary>A new draft from a validated message: no history yet (see <see cref="HistoryChain"/>).</summary>
    public static StoredAssistanceRequest ToNewDraft(this AssistanceRequest message, DateTimeOffset now) =>
        WithFields(
            new StoredAssistanceRequest(
                Id: ResourceIds.New(), RequestingState: "", Title: "", Description: "", ThematicAreas: [], CourseIds: [],
                State: AssistanceRequest.Types.State.Draft, CreateTime: now, UpdateTime: now, Etag: Etags.New(),
                FocalPoint: null, BeneficiaryInstitutions: [], AssistanceTypes: [], DesiredStart: null, DesiredEnd: null,
                Languages: [], EstimatedParticipants: 0, IndicativeBudget: null, TargetAudiences: [],
                DacIncomeGroup: DacIncomeGroup.Unspecified, PriorityScore: 0, CourseProposal: null,
                HistoryLength: 0, HistoryHead: HistoryChain.Genesis),
            message);

    /// <summary>The stored request with every caller-writable field taken from a validated message, and the computed fields recomputed.</summary>
    public static StoredAssistanceRequest WithFields(StoredAssistanceRequest stored, AssistanceRequest message)
    {
        var desiredStart = CalendarDates.TryParse(message.DesiredStart);
        // ODA is reported for the year the money moves: for a request, the year its work is planned
        // to start, or, before it has a planned start, the year it was made. Every edit recomputes it.
        var incomeGroup = DacRecipients.GroupOf(message.RequestingState, desiredStart ?? DateOnly.FromDateTime(stored.CreateTime.UtcDateTime));
        return (stored with
        {
            RequestingState = message.RequestingState,
            Title = message.Title.Trim(),
            Description = message.Description.Trim(),
            ThematicAreas = [.. message.ThematicAreas],
            CourseIds = [.. message.Courses.Select(name => AssistanceRequestNames.Course.TryParse(name)!.CourseId)],
            FocalPoint = message.FocalPoint is { } focalPoint
                ? new StoredFocalPoint(focalPoint.DisplayName.Trim(), focalPoint.Email, focalPoint.Institution.Trim())
                : null,
            BeneficiaryInstitutions = [.. message.BeneficiaryInstitutions.Select(institution => institution.Trim())],
            AssistanceTypes = [.. message.AssistanceTypes],
            DesiredStart = desiredStart,
            DesiredEnd = CalendarDates.TryParse(message.DesiredEnd),
            Languages = [.. message.Languages],
            EstimatedParticipants = message.EstimatedParticipants,
            IndicativeBudget = message.IndicativeBudget.ToStored(),
            TargetAudiences = [.. message.TargetAudiences],
            DacIncomeGroup = incomeGroup,
            PriorityScore = PriorityScore.Of(incomeGroup, message.EstimatedParticipants, message.ThematicAreas),
        }).WithIntakeFields(message);
    }

    public static AssistanceRequest ToMessage(this StoredAssistanceRequest request)
    {
        var message = new AssistanceRequest
        {
            Name = AssistanceRequestNames.Request.Format(request.Id),
            RequestingState = request.RequestingState,
            Title = request.Title,
            Description = request.Description,
            ThematicAreas = { request.ThematicAreas },
            Courses = { request.CourseIds.Select(id => AssistanceRequestNames.Course.Format(id)) },
            State = request.State,
            CreateTime = Timestamp.FromDateTimeOffset(request.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(request.UpdateTime),
            Etag = request.Etag,
            FocalPoint = request.FocalPoint is { } focalPoint
                ? new FocalPoint { DisplayName = focalPoint.DisplayName, Email = focalPoint.Email, Institution = focalPoint.Institution }
                : null,
            BeneficiaryInstitutions = { request.BeneficiaryInstitutions },
            AssistanceTypes = { request.AssistanceTypes },
            DesiredStart = CalendarDates.ToMessage(request.DesiredStart),
            DesiredEnd = CalendarDates.ToMessage(request.DesiredEnd),
            Languages = { request.Languages },
            EstimatedParticipants = request.EstimatedParticipants,
            IndicativeBudget = request.IndicativeBudget.ToMessage(),
            TargetAudiences = { request.TargetAudiences },
            DacEligible = request.DacIncomeGroup != DacIncomeGroup.Unspecified,
            DacIncomeGroup = request.DacIncomeGroup,
            PriorityScore = request.PriorityScore,
            CourseProposal = request.CourseProposal?.ToMessage(),
            ApprovedBudget = request.ApprovedBudget.ToMessage(),
            PublicationConsent = request.PublicationConsent is { } consent
                ? new PublicationConsent
                {
                    Publish = consent.Publish,
                    DecidedBy = consent.DecidedBy,
                    DecideTime = Timestamp.FromDateTimeOffset(consent.DecideTime),
                    WithheldFields = { consent.WithheldFields ?? [] },
                }
                : null,
            ActualStartDate = CalendarDates.ToMessage(request.ActualStartDate),
            ActualEndDate = CalendarDates.ToMessage(request.ActualEndDate),
            SecuritySensitive = request.SecuritySensitive == true,
            SuspendedFrom = request.SuspendedFrom ?? AssistanceRequest.Types.State.Unspecified,
        };
        IntakeMessages.AddIntakeFields(message, request);
        return message;
    }

    private static CourseProposal ToMessage(this StoredCourseProposal proposal) => new()
    {
        Status = proposal.Status,
        UpdateTime = Timestamp.FromDateTimeOffset(proposal.UpdateTime),
        Failure = proposal.Failure,
        Courses =
        {
            proposal.Courses.Select(course => new ProposedCourse
            {
                Course = course.Course,
                Title = course.Title,
                Score = course.Score,
                Reasons = { course.Reasons },
                OpenSessions = { course.OpenSessions },
            }),
        },
    };
}
