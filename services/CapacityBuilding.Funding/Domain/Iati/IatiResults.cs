using System.Globalization;
using System.Xml.Linq;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using Measure = CapacityBuilding.Contracts.Assistance.V1.Indicator.Types.Measure;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// A request's outcomes as IATI 2.03 <c>result</c> elements (schema order: title, indicator;
/// indicator: title, description, baseline, period), each of ResultType 2 Outcome. An indicator's
/// baseline is its baseline; its periods run from the baseline's day to the target's day with the
/// target and the latest actual measured by then, and, when an actual was measured after the
/// target's day, a second period from the day after it to the latest actual, with that actual
/// only: IATI reports one actual per period, where the indicator stood at its end. Actuals are
/// never dated in the future (assistance refuses them), and a period never ends before it starts
/// (the target's day is after the baseline's; IATI rule 8.6.1).
/// </summary>
public static class IatiResults
{
    public static IEnumerable<XElement> Of(IEnumerable<Outcome> outcomes, string textLanguage) =>
        outcomes.Select(outcome => new XElement("result",
            new XAttribute("type", IatiCodes.ResultOutcome),
            new XElement("title", Narrative(outcome.Statement, textLanguage)),
            outcome.Indicators.Select(indicator => Indicator(indicator, textLanguage))));

    private static XElement Indicator(Indicator indicator, string textLanguage)
    {
        var element = new XElement("indicator",
            new XAttribute("measure", indicator.Measure == Measure.Percentage ? IatiCodes.MeasurePercentage : IatiCodes.MeasureUnit),
            new XElement("title", Narrative(indicator.Title, textLanguage)));
        if (indicator.Unit.Trim().Length > 0)
        {
            // 2.03 has no element for the unit counted: the indicator's description names it.
            element.Add(new XElement("description", Narrative(indicator.Unit.Trim(), textLanguage)));
        }

        var baselineDay = Day(indicator.Baseline.Date);
        element.Add(new XElement("baseline",
            new XAttribute("year", baselineDay.Year.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("iso-date", IatiActivityElement.Day(baselineDay)),
            new XAttribute("value", Number(indicator.Baseline.Value)),
            Comment(indicator.Baseline.Comment, textLanguage)));

        var targetDay = Day(indicator.Target.Date);
        var actuals = indicator.Actuals.Select(actual => (Day: Day(actual.Date), Value: actual)).OrderBy(actual => actual.Day).ToList();
        var byTarget = actuals.LastOrDefault(actual => actual.Day <= targetDay).Value;
        element.Add(Period(baselineDay, targetDay,
            new XElement("target", new XAttribute("value", Number(indicator.Target.Value)), Comment(indicator.Target.Comment, textLanguage)),
            Actual(byTarget, textLanguage)));
        if (actuals is [.., var latest] && latest.Day > targetDay)
        {
            element.Add(Period(targetDay.AddDays(1), latest.Day, null, Actual(latest.Value, textLanguage)));
        }

        return element;
    }

    private static XElement Period(DateOnly start, DateOnly end, XElement? target, XElement? actual) =>
        new("period",
            new XElement("period-start", new XAttribute("iso-date", IatiActivityElement.Day(start))),
            new XElement("period-end", new XAttribute("iso-date", IatiActivityElement.Day(end))),
            target,
            actual);

    private static XElement? Actual(IndicatorValue? actual, string textLanguage) =>
        actual is null ? null : new XElement("actual", new XAttribute("value", Number(actual.Value)), Comment(actual.Comment, textLanguage));

    private static XElement? Comment(string comment, string textLanguage) =>
        comment.Trim().Length == 0 ? null : new XElement("comment", Narrative(comment, textLanguage));

    private static XElement Narrative(string text, string language) => IatiActivityElement.Narrative(text, language);

    /// <summary>Assistance stores every indicator value with a full date: one without is its fault, not a value to guess.</summary>
    private static DateOnly Day(Google.Type.Date date) =>
        CalendarDates.TryParse(date) ?? throw new InvalidOperationException($"The assistance service sent an indicator value dated {date}, not a full date.");

    /// <summary>A plain decimal number (never an exponent, which XPath's number() and IATI rules 8.8.2, 8.9.2, 8.10.2 would not read as one).</summary>
    private static string Number(double value) => ((decimal)value).ToString(CultureInfo.InvariantCulture);
}
