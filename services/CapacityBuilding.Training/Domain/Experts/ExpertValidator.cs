using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Calendar;
using CapacityBuilding.Training.Domain.Enrolments;

namespace CapacityBuilding.Training.Domain.Experts;

/// <summary>
/// The rules of an expert that its proto's annotations cannot state: a nationality from the ISO
/// 3166 list, no repeated item in its lists, real availability periods in order, a plausible
/// e-mail address. Checked on create and on the expert as an update would leave it.
/// </summary>
public sealed class ExpertValidator(AnnotatedFieldRules annotated, ApiErrors errors) : IRequestRules<CreateExpertRequest>
{
    public void AddViolations(CreateExpertRequest request, FieldViolations violations)
    {
        if (request.Expert is not { } expert)
        {
            violations.Add("expert", "is required.");
            return;
        }

        AddViolations(violations, expert);
    }

    /// <summary>Checks the expert as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, Expert updated)
    {
        violations.AddRange(annotated.Check(updated, "expert"));
        AddViolations(violations, updated);
        violations.ThrowIfAny(errors);
    }

    /// <summary>The availability periods of a valid expert.</summary>
    public static IReadOnlyList<DayRange> AvailabilityOf(Expert expert) =>
        [.. expert.Availability.Select(period => new DayRange(CalendarDates.TryParse(period.StartDate)!.Value, CalendarDates.TryParse(period.EndDate)!.Value))];

    private static void AddViolations(FieldViolations violations, Expert expert)
    {
        violations.RequireCountry("expert.nationality", expert.Nationality);
        violations.RequireDistinct("expert.languages", expert.Languages, language => $"'{language}'");
        violations.RequireDistinct("expert.thematic_areas", expert.ThematicAreas, ProtoEnumNames.Of);
        violations.RequireDistinct("expert.convention_articles", expert.ConventionArticles, article => $"article {article}");
        for (var i = 0; i < expert.Availability.Count; i++)
        {
            violations.RequireDayRange($"expert.availability[{i}]", expert.Availability[i].StartDate, expert.Availability[i].EndDate);
        }

        if (expert.Contact is not { } contact)
        {
            violations.Add("expert.contact", "is required.");
        }
        else
        {
            EnrolmentValidator.RequireEmail(violations, "expert.contact.email", contact.Email);
        }
    }
}
