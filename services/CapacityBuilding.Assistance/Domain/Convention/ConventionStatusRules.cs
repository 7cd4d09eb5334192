using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using Status = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>
/// A status toward the Convention must fit its dates: none has no dates; a signatory has signed
/// and is not bound; a party is bound (ratification, acceptance, approval or accession) and, if it
/// signed, signed first. No date is before the Convention opened for signature (Hanoi, 25 October
/// 2025) or in the future.
/// </summary>
public sealed class ConventionStatusRules(TimeProvider clock)
{
    /// <summary>The day the Convention opened for signature, in Hanoi.</summary>
    public static readonly DateOnly OpenedForSignature = new(2025, 10, 25);

    public void AddViolations(ConventionStatus status, string prefix, FieldViolations violations)
    {
        var signature = Day(violations, $"{prefix}.signature_date", status.SignatureDate);
        var consent = Day(violations, $"{prefix}.consent_date", status.ConsentDate);
        switch (status.Status)
        {
            case Status.None:
                Forbid(violations, $"{prefix}.signature_date", status.SignatureDate, "a state that has not signed");
                Forbid(violations, $"{prefix}.consent_date", status.ConsentDate, "a state that is not a party");
                break;
            case Status.Signatory:
                RequirePresent(violations, $"{prefix}.signature_date", status.SignatureDate);
                Forbid(violations, $"{prefix}.consent_date", status.ConsentDate, "a signatory that is not yet a party (set STATUS_PARTY)");
                break;
            case Status.Party:
                RequirePresent(violations, $"{prefix}.consent_date", status.ConsentDate);
                if (signature is { } signed && consent is { } bound && signed > bound)
                {
                    violations.Add($"{prefix}.signature_date", $"must not be after consent_date ({bound:yyyy-MM-dd}): a state signs before it ratifies.");
                }

                break;
        }
    }

    private DateOnly? Day(FieldViolations violations, string field, Google.Type.Date? date)
    {
        if (date is null)
        {
            return null;
        }

        var day = violations.Require(field, date);
        var today = CalendarDates.Today(clock);
        if (day < OpenedForSignature)
        {
            violations.Add(field, $"must not be before {OpenedForSignature:yyyy-MM-dd}, when the Convention opened for signature.");
        }
        else if (day > today)
        {
            violations.Add(field, $"must not be in the future (today is {today:yyyy-MM-dd}).");
        }

        return day;
    }

    // Whether the date is a real day is checked once, by Day.
    private static void RequirePresent(FieldViolations violations, string field, Google.Type.Date? date)
    {
        if (date is null)
        {
            violations.Add(field, "is required: a full date (year, month, day).");
        }
    }

    private static void Forbid(FieldViolations violations, string field, Google.Type.Date? date, string who)
    {
        if (date is not null)
        {
            violations.Add(field, $"must be unset for {who}.");
        }
    }
}
