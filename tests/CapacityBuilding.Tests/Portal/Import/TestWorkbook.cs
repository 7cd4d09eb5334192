using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>A cell as a spreadsheet program stores it.</summary>
internal abstract record WorkbookCell
{
    public sealed record Text(string Value) : WorkbookCell;

    public sealed record Number(double Value) : WorkbookCell;

    /// <summary>A real date cell: a number of days since 1899-12-30 shown with a date format.</summary>
    public sealed record Day(DateOnly Value) : WorkbookCell;

    /// <summary>A formula with the value the program cached when it last calculated.</summary>
    public sealed record Formula(string Expression, string Cached) : WorkbookCell;

    public sealed record Error(string Value) : WorkbookCell;

    public static implicit operator WorkbookCell(string value) => new Text(value);
}

/// <summary>Writes a one-sheet XLSX of the given rows (shared strings for text, a date style for days) and merged ranges.</summary>
internal static class TestWorkbook
{
    private const uint DateStyle = 1;

    public static byte[] Write(IEnumerable<WorkbookCell?[]> rows, params string[] mergedRanges)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            var rowIndex = 1u;
            foreach (var cells in rows)
            {
                var row = new Row { RowIndex = rowIndex };
                for (var column = 0; column < cells.Length; column++)
                {
                    if (cells[column] is { } cell)
                    {
                        row.Append(CellOf(cell, $"{(char)('A' + column)}{rowIndex}", strings.SharedStringTable));
                    }
                }

                data.Append(row);
                rowIndex++;
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            if (mergedRanges.Length > 0)
            {
                sheet.Worksheet.Append(new MergeCells(mergedRanges.Select(range => new MergeCell { Reference = range })));
            }

            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Data" });
        }

        return output.ToArray();
    }

    private static Cell CellOf(WorkbookCell cell, string reference, SharedStringTable strings) => cell switch
    {
        WorkbookCell.Text text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings, text.Value)) },
        WorkbookCell.Number number => new Cell { CellReference = reference, CellValue = new CellValue(number.Value) },
        WorkbookCell.Day day => new Cell
        {
            CellReference = reference,
            StyleIndex = DateStyle,
            CellValue = new CellValue(day.Value.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        WorkbookCell.Formula formula => new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Expression), CellValue = new CellValue(formula.Cached) },
        WorkbookCell.Error error => new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(error.Value) },
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };

    private static int Shared(SharedStringTable strings, string text)
    {
        strings.Append(new SharedStringItem(new Text(text)));
        return strings.ChildElements.Count - 1;
    }
}
