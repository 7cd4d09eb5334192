using System.Globalization;
using System.Text.RegularExpressions;
using CapacityBuilding.Portal.Import.Reading;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// One data row read through its template's columns: each accessor returns the cell's value or
/// records why it cannot be read (in the user's language, ImportStrings <c>Cell_*</c>) and returns
/// nothing, so every problem of a row is reported at once. Text is never reinterpreted: numbers
/// are invariant (<c>1234.5</c>), days ISO (<c>2026-04-03</c>), moments ISO with their offset.
/// </summary>
public sealed partial class ImportRow(SheetRow row, ImportHeaders headers, IStringLocalizer<ImportStrings> strings)
{
    private readonly List<RowProblem> problems = [];

    public int Number => row.Number;

    public IReadOnlyList<RowProblem> Problems => problems;

    public bool HasProblemIn(string column) => problems.Exists(problem => problem.Column == column);

    /// <summary>The cell's text, trimmed; empty when the column is absent or the cell is blank.</summary>
    public string Text(string column) => Cell(column) is { } cell ? cell.Text.Trim() : "";

    public int? WholeNumber(string column) => Parsed(column, text =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : (int?)null, "Cell_NotAnInteger");

    /// <summary>An amount of money as units and nanos (never a floating point number), at most nine decimals.</summary>
    public (long Units, int Nanos)? Amount(string column) => Parsed(column, text =>
    {
        if (!InvariantDecimal().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return ((long, int)?)null;
        }

        // Beyond 64-bit units no service could be sent it (a cast would throw and end the whole
        // run); within them, the service's bound per amount names the problem in its column.
        var units = decimal.Truncate(amount);
        return units is < long.MinValue or > long.MaxValue ? ((long, int)?)null : ((long)units, (int)((amount - units) * 1_000_000_000m));
    }, "Cell_NotAnAmount");

    public DateOnly? Day(string column) => Parsed(column, text =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null, "Cell_NotAnIsoDay");

    /// <summary>
    /// A moment: ISO 8601 text with its offset (<c>2026-04-03T09:30:00+02:00</c>), or a workbook's
    /// date and time cell, which carries no offset and is read as UTC (the template says so).
    /// </summary>
    public DateTimeOffset? Moment(string column)
    {
        var isDateCell = Cell(column)?.IsDate == true;
        return Parsed(column, text =>
            isDateCell && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? new DateTimeOffset(utc, TimeSpan.Zero)
                : IsoMoment().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : (DateTimeOffset?)null,
            "Cell_NotAnIsoMoment");
    }

    public TValue? Code<TValue>(string column, CodeList<TValue> codes)
        where TValue : struct => Parsed(column, text => codes.TryParse(text, out var value) ? value : (TValue?)null, "Cell_NotInList");

    /// <summary>
    /// A code of a list of text codes (countries, languages), given by code or by name; text that
    /// is neither goes to the service as typed, whose rule for the field then names the problem.
    /// </summary>
    public string CodeOrText(string column, CodeList<string> codes)
    {
        var text = Text(column);
        return codes.TryParse(text, out var code) ? code : text;
    }

    /// <summary>Several codes of a list of text codes, separated by semicolons, each as <see cref="CodeOrText"/> reads one.</summary>
    public List<string> CodesOrText(string column, CodeList<string> codes) =>
        [.. Items(column).Select(text => codes.TryParse(text, out var code) ? code : text)];

    /// <summary>Several values of a code list, separated by semicolons; each unknown value is named.</summary>
    public List<TValue> Codes<TValue>(string column, CodeList<TValue> codes)
        where TValue : struct
    {
        var found = new List<TValue>();
        foreach (var text in Items(column))
        {
            if (codes.TryParse(text, out var value))
            {
                found.Add(value);
            }
            else
            {
                Add(column, string.Format(CultureInfo.CurrentCulture, strings["Cell_NotInListValue"], text));
            }
        }

        return found;
    }

    public IEnumerable<string> Items(string column) =>
        Text(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Add(string? column, string message) => problems.Add(new RowProblem(Number, column, message));

    private SheetCell? Cell(string column)
    {
        if (headers.IndexOf(column) is not { } index)
        {
            return null;
        }

        var cell = row[index];
        if (cell.Refusal != CellRefusal.None)
        {
            Add(column, strings["Cell_" + cell.Refusal]);
            return null;
        }

        return cell;
    }

    private T? Parsed<T>(string column, Func<string, T?> parse, string problemKey)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return default;
        }

        var value = parse(text);
        if (value is null)
        {
            Add(column, string.Format(CultureInfo.CurrentCulture, strings[problemKey], text));
        }

        return value;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex InvariantDecimal();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoMoment();
}
