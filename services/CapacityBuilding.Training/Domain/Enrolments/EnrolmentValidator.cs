using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>
/// The rules of an enrolment that its proto's annotations cannot state: a plausible e-mail address,
/// a nationality from the ISO 3166 list, a well-formed request name. Every broken rule is reported.
/// </summary>
public sealed class EnrolmentValidator : IRequestRules<CreateEnrolmentRequest>
{
    public const int EmailMaxLength = 254;

    public void AddViolations(CreateEnrolmentRequest request, FieldViolations violations)
    {
        if (request.Enrolment is not { } enrolment)
        {
            violations.Add("enrolment", "is required.");
            return;
        }

        RequireEmail(violations, "enrolment.email", enrolment.Email);
        violations.RequireCountry("enrolment.nationality", enrolment.Nationality);
        if (enrolment.AssistanceRequest.Length > 0 && CourseNames.AssistanceRequest.TryParse(enrolment.AssistanceRequest) is null)
        {
            violations.Add("enrolment.assistance_request", $"must be a resource name of the form {CourseNames.AssistanceRequest.Pattern}.");
        }
    }

    /// <summary>How an e-mail address identifies a participant: trimmed, lower case.</summary>
    public static string ParticipantKeyOf(string email) => email.Trim().ToLowerInvariant();

    // A plausibility check (one @, something on each side, a dot in the domain, no spaces), not
    // RFC 5322: the address is for people to write to, and delivery is the real test. It checks
    // the trimmed address, the participant's key, which an annotation cannot do.
    internal static void RequireEmail(FieldViolations violations, string field, string email)
    {
        var value = email.Trim();
        if (value.Length == 0)
        {
            violations.Add(field, "is required.");
            return;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var plausible = value.Length <= EmailMaxLength
            && at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace);
        if (!plausible)
        {
            violations.Add(field, $"must be an e-mail address such as name@institution.org, at most {EmailMaxLength} characters.");
        }
    }
}
