using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using Measure = CapacityBuilding.Contracts.Assistance.V1.Indicator.Types.Measure;

namespace CapacityBuilding.Assistance.Domain.Results;

/// <summary>
/// The rules of an outcome that its proto's annotations cannot state: real dates in order (a
/// baseline measured before its target's date, actuals measured between the baseline and today),
/// percentages within 100, a unit for counts, indicator titles not repeated. Every broken rule
/// is reported.
/// </summary>
public sealed class OutcomeValidator(AnnotatedFieldRules annotated, ApiErrors errors, TimeProvider clock) : IRequestRules<CreateOutcomeRequest>
{
    public void AddViolations(CreateOutcomeRequest request, FieldViolations violations)
    {
        if (request.Outcome is not { } outcome)
        {
            violations.Add("outcome", "is required.");
        }
        else
        {
            ValidateFields(violations, "outcome", outcome);
        }
    }

    /// <summary>An update's result, the stored outcome with the mask's fields applied: the annotations and the rules together.</summary>
    public void ValidateMerged(Outcome merged)
    {
        var violations = new FieldViolations();
        violations.AddRange(annotated.Check(merged, "outcome"));
        ValidateFields(violations, "outcome", merged);
        violations.ThrowIfAny(errors);
    }

    private void ValidateFields(FieldViolations violations, string field, Outcome outcome)
    {
        var today = CalendarDates.Today(clock);
        violations.RequireDistinct($"{field}.indicators", [.. outcome.Indicators.Select(indicator => indicator.Title.Trim())], title => $"the title '{title}'");
        for (var i = 0; i < outcome.Indicators.Count; i++)
        {
            ValidateIndicator(violations, $"{field}.indicators[{i}]", outcome.Indicators[i], today);
        }
    }

    private static void ValidateIndicator(FieldViolations violations, string field, Indicator indicator, DateOnly today)
    {
        if (indicator.Measure == Measure.Unit && string.IsNullOrWhiteSpace(indicator.Unit))
        {
            violations.Add($"{field}.unit", "is required for MEASURE_UNIT: what is counted.");
        }

        var baseline = DayOf(violations, $"{field}.baseline", indicator.Baseline, indicator.Measure);
        if (baseline > today)
        {
            violations.Add($"{field}.baseline.date", "is in the future: a baseline is what was measured before the assistance.");
        }

        if (DayOf(violations, $"{field}.target", indicator.Target, indicator.Measure) <= baseline)
        {
            violations.Add($"{field}.target.date", "must be after the baseline's date.");
        }

        for (var j = 0; j < indicator.Actuals.Count; j++)
        {
            var actual = DayOf(violations, $"{field}.actuals[{j}]", indicator.Actuals[j], indicator.Measure);
            if (actual > today)
            {
                violations.Add($"{field}.actuals[{j}].date", "is in the future: an actual is what was measured.");
            }
            else if (actual < baseline)
            {
                violations.Add($"{field}.actuals[{j}].date", "is before the baseline's date.");
            }
        }
    }

    /// <summary>The value's day when it is a calendar day (a missing value or date is the annotations' to report); a percentage above 100 is a violation.</summary>
    private static DateOnly? DayOf(FieldViolations violations, string field, IndicatorValue? value, Measure measure)
    {
        if (value is null)
        {
            return null;
        }

        if (measure == Measure.Percentage && value.Value > 100)
        {
            violations.Add($"{field}.value", "must be at most 100 for a percentage.");
        }

        return value.Date is null ? null : violations.Require($"{field}.date", value.Date);
    }
}
