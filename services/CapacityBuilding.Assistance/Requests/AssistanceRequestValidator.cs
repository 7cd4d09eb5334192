using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Requests;

/// <summary>
/// The rules a request must meet before it is stored; every broken rule is reported. A draft may
/// leave fields empty; <see cref="MissingForSubmission"/> says what a submission still lacks.
/// </summary>
public sealed class AssistanceRequestValidator(ApiErrors errors)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;
    public const int CoursesMaxCount = 20;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int InstitutionsMaxCount = 20;
    public const int ParticipantsMax = 100_000;
    public const int ReasonMaxLength = 2000;

    public void ValidateCreate(CreateAssistanceRequestRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.AssistanceRequest is not { } assistanceRequest)
        {
            violations.Add("assistance_request", "is required.");
        }
        else
        {
            ValidateFields(violations, "assistance_request", assistanceRequest);
        }

        violations.ThrowIfAny(errors);
    }

    public void ValidateMerged(AssistanceRequest merged)
    {
        var violations = new FieldViolations();
        ValidateFields(violations, "assistance_request", merged);
        violations.ThrowIfAny(errors);
    }

    /// <summary>A reason given for a change: at most <see cref="ReasonMaxLength"/> characters, and not blank when required.</summary>
    public void ValidateReason(string reason, bool required, FieldViolations? collected = null)
    {
        var violations = collected ?? new FieldViolations();
        if (required)
        {
            violations.RequireText("reason", reason, ReasonMaxLength);
        }
        else
        {
            violations.OptionalText("reason", reason, ReasonMaxLength);
        }

        if (collected is null)
        {
            violations.ThrowIfAny(errors);
        }
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

    /// <summary>Turns a full google.type.Date into a <see cref="DateOnly"/>; null for partial or impossible dates.</summary>
    public static DateOnly? ToDate(Google.Type.Date? date) =>
        date is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12, Day: >= 1 } && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    private static void ValidateFields(FieldViolations violations, string prefix, AssistanceRequest request)
    {
        violations.RequireCountry($"{prefix}.requesting_state", request.RequestingState);
        violations.RequireText($"{prefix}.title", request.Title, TitleMaxLength);
        violations.OptionalText($"{prefix}.description", request.Description, DescriptionMaxLength);
        violations.RequireEnumSet($"{prefix}.thematic_areas", request.ThematicAreas);
        ValidateCourses(violations, $"{prefix}.courses", request.Courses);
        ValidateFocalPoint(violations, $"{prefix}.focal_point", request.FocalPoint);
        ValidateInstitutions(violations, $"{prefix}.beneficiary_institutions", request.BeneficiaryInstitutions);
        OptionalEnumSet(violations, $"{prefix}.assistance_types", request.AssistanceTypes);
        OptionalEnumSet(violations, $"{prefix}.target_audiences", request.TargetAudiences);
        if (request.Languages.Count > 0)
        {
            violations.RequireLanguages($"{prefix}.languages", request.Languages);
        }

        if (request.EstimatedParticipants is < 0 or > ParticipantsMax)
        {
            violations.Add($"{prefix}.estimated_participants", $"must be between 0 and {ParticipantsMax:N0}.");
        }

        if (request.IndicativeBudget is not null)
        {
            violations.RequirePositiveMoney($"{prefix}.indicative_budget", request.IndicativeBudget);
        }

        ValidateDates(violations, prefix, request);
    }

    private static void ValidateDates(FieldViolations violations, string prefix, AssistanceRequest request)
    {
        var start = ToDate(request.DesiredStart);
        var end = ToDate(request.DesiredEnd);
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

    private static void ValidateFocalPoint(FieldViolations violations, string field, FocalPoint? focalPoint)
    {
        if (focalPoint is null)
        {
            return;
        }

        violations.RequireText($"{field}.display_name", focalPoint.DisplayName, NameMaxLength);
        violations.OptionalText($"{field}.institution", focalPoint.Institution, NameMaxLength);
        if (string.IsNullOrWhiteSpace(focalPoint.Email))
        {
            violations.Add($"{field}.email", "is required.");
        }
        else if (focalPoint.Email.Length > EmailMaxLength
            || !System.Net.Mail.MailAddress.TryCreate(focalPoint.Email, out var address)
            || address.Address != focalPoint.Email)
        {
            violations.Add($"{field}.email", $"must be a plain e-mail address such as name@example.org, at most {EmailMaxLength} characters.");
        }
    }

    private static void ValidateInstitutions(FieldViolations violations, string field, Google.Protobuf.Collections.RepeatedField<string> institutions)
    {
        if (institutions.Count > InstitutionsMaxCount)
        {
            violations.Add(field, $"must list at most {InstitutionsMaxCount} institutions.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < institutions.Count; i++)
        {
            violations.RequireText($"{field}[{i}]", institutions[i], NameMaxLength);
            if (!string.IsNullOrWhiteSpace(institutions[i]) && !seen.Add(institutions[i].Trim()))
            {
                violations.Add($"{field}[{i}]", "repeats an institution listed before.");
            }
        }
    }

    private static void OptionalEnumSet<TEnum>(FieldViolations violations, string field, IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum
    {
        if (values.Count > 0)
        {
            violations.RequireEnumSet(field, values);
        }
    }

    private static void ValidateCourses(FieldViolations violations, string field, Google.Protobuf.Collections.RepeatedField<string> courses)
    {
        if (courses.Count > CoursesMaxCount)
        {
            violations.Add(field, $"must list at most {CoursesMaxCount} courses.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < courses.Count; i++)
        {
            if (AssistanceRequestNames.Course.TryParse(courses[i]) is null)
            {
                violations.Add($"{field}[{i}]", $"must be a course name of the form {AssistanceRequestNames.Course.Pattern}.");
            }
            else if (!seen.Add(courses[i]))
            {
                violations.Add($"{field}[{i}]", $"repeats {courses[i]}.");
            }
        }
    }
}
