using System.Globalization;
using System.Text.RegularExpressions;
using CapacityBuilding.Portal.Clients;

namespace CapacityBuilding.Portal.Components.Pages.Results;

/// <summary>
/// The results forms edit one actual at a time, or a new outcome's indicators row by row, while
/// the service names fields in the whole outcome (<c>outcome.indicators[2].actuals[3].date</c>).
/// This maps those paths onto the form's own fields (<c>actual.date</c>, <c>indicator3.title</c>
/// for the third row), so each message lands next to the input it is about.
/// </summary>
public static partial class ResultsFieldPaths
{
    /// <param name="rows">For the new outcome's form, the form row of each indicator sent (blank rows are not sent).</param>
    public static ServiceError OntoForm(ServiceError error, IReadOnlyList<int>? rows = null) =>
        error with { Fields = error.Fields.Select(problem => problem with { Field = OntoForm(problem.Field, rows) }).ToList() };

    public static string OntoForm(string field, IReadOnlyList<int>? rows = null) =>
        ActualField().Match(field) is { Success: true } actual ? "actual." + actual.Groups[1].Value
        : IndicatorField().Match(field) is { Success: true } indicator
            ? $"indicator{RowNumber(int.Parse(indicator.Groups[1].Value, CultureInfo.InvariantCulture), rows)}.{indicator.Groups[2].Value}"
        : field;

    /// <summary>The row number (from 1) and the field of a row's form field (<c>indicator3.title</c>), or null for any other field.</summary>
    public static (int Number, string Field)? RowOf(string field) =>
        RowField().Match(field) is { Success: true } row ? (int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), row.Groups[2].Value) : null;

    private static int RowNumber(int sent, IReadOnlyList<int>? rows) => (rows is not null && sent < rows.Count ? rows[sent] : sent) + 1;

    [GeneratedRegex(@"^outcome\.indicators\[\d+\]\.actuals\[\d+\]\.(\w+)")]
    private static partial Regex ActualField();

    [GeneratedRegex(@"^outcome\.indicators\[(\d+)\]\.(\w+(?:\.\w+)?)")]
    private static partial Regex IndicatorField();

    [GeneratedRegex(@"^indicator(\d+)\.(\w+(?:\.\w+)?)$")]
    private static partial Regex RowField();
}
