using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// The rows of a workbook's first worksheet, read with the Open XML SDK's SAX reader one row at a
/// time (memory holds the shared strings, the styles and one row, never the sheet). Values are
/// read as stored, never as a program would display them: a real date cell becomes its ISO date,
/// a number stays invariant. Formula cells, cells of a merged range and error values are refused
/// per cell (<see cref="CellRefusal"/>): a formula's cached value may be stale or missing, and a
/// merged cell's rows are a guess.
/// </summary>
public static class XlsxSheet
{
    // A 1904-based workbook counts days from 1904-01-01, four years and a day after 1900's epoch.
    private const double Days1900To1904 = 1462;

    private const int MaxColumns = 16_384;

    public static IEnumerable<SheetRow> Read(Stream stream)
    {
        using var document = Open(stream);
        var workbook = document.WorkbookPart ?? throw new SheetRefusedException(SheetRefusal.NotAWorkbook, "no workbook part");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new SheetRefusedException(SheetRefusal.NoWorksheet, "the workbook lists no sheet");
        if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
        {
            throw new SheetRefusedException(SheetRefusal.NoWorksheet, "the first sheet is not a worksheet");
        }

        var context = new Context(
            SharedStrings.Of(workbook.SharedStringTablePart),
            DateStyles.Of(workbook.WorkbookStylesPart),
            MergedRanges.Of(worksheet),
            workbook.Workbook.WorkbookProperties?.Date1904?.Value == true);
        using var reader = OpenXmlReader.Create(worksheet);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                rowNumber = (int?)row.RowIndex?.Value ?? rowNumber + 1;
                yield return new SheetRow(rowNumber, Cells(row, rowNumber, context));
            }
        }
    }

    private static SpreadsheetDocument Open(Stream stream)
    {
        try
        {
            return SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception unreadable) when (unreadable is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new SheetRefusedException(SheetRefusal.NotAWorkbook, unreadable.Message);
        }
    }

    private static SheetCell[] Cells(Row row, int rowNumber, Context context)
    {
        var cells = new List<SheetCell>();
        foreach (var cell in row.Elements<Cell>())
        {
            Put(cells, CellReference.Parse(cell.CellReference?.Value)?.Column ?? cells.Count, ValueOf(cell, context));
        }

        // A range's covered cells are often not stored at all: each column it covers is refused.
        foreach (var column in context.Merged.ColumnsIn(rowNumber))
        {
            Put(cells, column, SheetCell.Refused(CellRefusal.Merged));
        }

        return [.. cells];
    }

    // Beyond a spreadsheet's last column (XFD) a reference is hostile, not data: never padded up to.
    private static void Put(List<SheetCell> cells, int column, SheetCell value)
    {
        if (column is < 0 or >= MaxColumns)
        {
            return;
        }

        while (cells.Count <= column)
        {
            cells.Add(SheetCell.Empty);
        }

        cells[column] = value;
    }

    private static SheetCell ValueOf(Cell cell, Context context)
    {
        if (cell.CellFormula is not null)
        {
            return SheetCell.Refused(CellRefusal.Formula);
        }

        var stored = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(stored, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < context.Strings.Count
                ? new SheetCell(context.Strings[index])
                : SheetCell.Refused(CellRefusal.ErrorValue);
        }

        if (type == CellValues.InlineString)
        {
            return new SheetCell(cell.InlineString is { } inline ? SharedStrings.InlineText(inline) : "");
        }

        if (type == CellValues.Error)
        {
            return SheetCell.Refused(CellRefusal.ErrorValue);
        }

        if (type == CellValues.Boolean)
        {
            return new SheetCell(stored == "1" ? "true" : "false");
        }

        if (type == CellValues.Date)
        {
            return new SheetCell(stored, IsDate: true);
        }

        if (context.Dates.IsDate(cell.StyleIndex?.Value) && double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var days))
        {
            return DateCell(context.Date1904 ? days + Days1900To1904 : days);
        }

        return new SheetCell(stored);
    }

    private static SheetCell DateCell(double days)
    {
        DateTime moment;
        try
        {
            moment = DateTime.FromOADate(days);
        }
        catch (ArgumentException)
        {
            return SheetCell.Refused(CellRefusal.ErrorValue);
        }

        return new SheetCell(moment.TimeOfDay == TimeSpan.Zero
            ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : moment.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), IsDate: true);
    }

    private sealed record Context(IReadOnlyList<string> Strings, DateStyles Dates, MergedRanges Merged, bool Date1904);
}
