using System.Text.RegularExpressions;
using CapacityBuilding.Portal.Clients;

namespace CapacityBuilding.Portal.Components.Pages.Results;

/// <summary>
/// The results forms edit one indicator or one actual at a time, while the service names fields
/// in the whole outcome (<c>outcome.indicators[2].actuals[3].date</c>). This maps those paths onto
/// the form's own fields (<c>indicator.title</c>, <c>actual.date</c>), so each message lands next
/// to the input it is about.
/// </summary>
public static partial class ResultsFieldPaths
{
    public static ServiceError OntoForm(ServiceError error) =>
        error with { Fields = error.Fields.Select(problem => problem with { Field = OntoForm(problem.Field) }).ToList() };

    public static string OntoForm(string field) =>
        ActualField().Match(field) is { Success: true } actual ? "actual." + actual.Groups[1].Value
        : IndicatorField().Match(field) is { Success: true } indicator ? "indicator." + indicator.Groups[1].Value
        : field;

    [GeneratedRegex(@"^outcome\.indicators\[\d+\]\.actuals\[\d+\]\.(\w+)")]
    private static partial Regex ActualField();

    [GeneratedRegex(@"^outcome\.indicators\[\d+\]\.(\w+(?:\.\w+)?)")]
    private static partial Regex IndicatorField();
}
