using CapacityBuilding.Assistance.Domain.Intake;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// The rules of a request that its proto's annotations cannot state: a requesting state and a
/// budget's currency from the ISO lists, real dates in order, course names, an e-mail address,
/// items named when they repeat. Every broken rule is reported. A draft may leave fields empty;
/// <see cref="MissingForSubmission"/> says what a submission still lacks. The needs assessment
/// and mandate are checked by <see cref="IntakeFieldRules"/>.
/// </summary>
public sealed class AssistanceRequestValidator(AnnotatedFieldRules annotated, IntakeFieldRules intake, ApiErrors errors) : IRequestRules<CreateAssistanceRequestRequest>
{
    public const int EmailMaxLength = 254;

    public void AddViolations(CreateAssistanceRequestRequest request, FieldViolations violations)
    {
        if (request.AssistanceRequest is not { } assistanceRequest)
        {
            violations.Add("assistance_request", "is required.");
        }
        else
        {
            ValidateFields(violations, "assistance_request", assistanceRequest);
            intake.AddViolations(violations, "assistance_request", assistanceRequest);
        }
    }

    public void ValidateMerged(AssistanceRequest merged)
    {
        var violations = new FieldViolations();
        violations.AddRange(annotated.Check(merged, "assistance_request"));
        ValidateFields(violations, "assistance_request", merged);
        intake.AddViolations(violations, "assistance_request", merged);
        violations.ThrowIfAny(errors);
    }

    /// <summary>Fields (as AIP-193 paths) that a request must have before it can be submitted.</summary>
    public static IReadOnlyList<string> MissingForSubmission(StoredAssistanceRequest request)
    {
        var missing = new List<string>();
        if (request.FocalPoint is null)
        {
            missing.Add("focal_point");
        }

        if (request.BeneficiaryInstitutions.Count == 0)
        {
            missing.Add("beneficiary_institutions");
        }

        if (request.AssistanceTypes.Count == 0)
        {
            missing.Add("assistance_types");
        }

        if (request.DesiredStart is null)
        {
            missing.Add("desired_start");
        }

        if (request.DesiredEnd is null)
        {
            missing.Add("desired_end");
        }

        if (request.Languages.Count == 0)
        {
            missing.Add("languages");
        }

        if (request.EstimatedParticipants <= 0)
        {
            missing.Add("estimated_participants");
        }

        if (request.IndicativeBudget is null)
        {
            missing.Add("indicative_budget");
        }

        if (request.TargetAudiences.Count == 0)
        {
            missing.Add("target_audiences");
        }

        return missing;
    }

    private static void ValidateFields(FieldViolations violations, string prefix, AssistanceRequest request)
    {
        violations.RequireCountry($"{prefix}.requesting_state", request.RequestingState);
        violations.RequireDistinct($"{prefix}.thematic_areas", request.ThematicAreas, ProtoEnumNames.Of);
        ValidateCourses(violations, $"{prefix}.courses", request.Courses);
        if (request.FocalPoint is { } focalPoint)
        {
            ValidateEmail(violations, $"{prefix}.focal_point.email", focalPoint.Email);
        }

        RequireDistinctInstitutions(violations, $"{prefix}.beneficiary_institutions", request.BeneficiaryInstitutions);
        violations.RequireDistinct($"{prefix}.assistance_types", request.AssistanceTypes, ProtoEnumNames.Of);
        violations.RequireDistinct($"{prefix}.target_audiences", request.TargetAudiences, ProtoEnumNames.Of);
        violations.RequireDistinct($"{prefix}.languages", request.Languages, language => $"'{language}'");
        if (request.IndicativeBudget is not null)
        {
            violations.RequirePositiveMoney($"{prefix}.indicative_budget", request.IndicativeBudget);
        }

        ValidateDates(violations, prefix, request);
    }

    private static void ValidateDates(FieldViolations violations, string prefix, AssistanceRequest request)
    {
        var start = CalendarDates.TryParse(request.DesiredStart);
        var end = CalendarDates.TryParse(request.DesiredEnd);
        if (request.DesiredStart is not null && start is null)
        {
            violations.Add($"{prefix}.desired_start", "must be a full calendar date (year 1-9999, month and day).");
        }

        if (request.DesiredEnd is not null && end is null)
        {
            violations.Add($"{prefix}.desired_end", "must be a full calendar date (year 1-9999, month and day).");
        }
        else if (start is { } first && end is { } last && last <= first)
        {
            violations.Add($"{prefix}.desired_end", $"must be after desired_start ({first:yyyy-MM-dd}).");
        }
    }

    // The address as MailAddress reads it back, so that a display name or comment cannot hide in it.
    private static void ValidateEmail(FieldViolations violations, string field, string email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            violations.Add(field, "is required.");
        }
        else if (email.Length > EmailMaxLength
            || !System.Net.Mail.MailAddress.TryCreate(email, out var address)
            || address.Address != email)
        {
            violations.Add(field, $"must be a plain e-mail address such as name@example.org, at most {EmailMaxLength} characters.");
        }
    }

    // Institutions repeat when they differ only in case or surrounding spaces.
    private static void RequireDistinctInstitutions(FieldViolations violations, string field, Google.Protobuf.Collections.RepeatedField<string> institutions)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < institutions.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(institutions[i]) && !seen.Add(institutions[i].Trim()))
            {
                violations.Add($"{field}[{i}]", "repeats an institution listed before.");
            }
        }
    }

    private static void ValidateCourses(FieldViolations violations, string field, Google.Protobuf.Collections.RepeatedField<string> courses)
    {
        for (var i = 0; i < courses.Count; i++)
        {
            if (AssistanceRequestNames.Course.TryParse(courses[i]) is null)
            {
                violations.Add($"{field}[{i}]", $"must be a course name of the form {AssistanceRequestNames.Course.Pattern}.");
            }
        }

        violations.RequireDistinct(field, courses, course => course);
    }
}
