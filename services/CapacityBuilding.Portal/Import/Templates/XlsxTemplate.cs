using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Import.Templates;

/// <summary>
/// A kind's XLSX template: its first sheet holds the headers in the user's language (the import
/// reads the first sheet), its second the README, one row per column with the allowed values.
/// Text cells are inline strings: a template is small and needs no shared string table.
/// </summary>
public static class XlsxTemplate
{
    public static void Write(Stream output, IReadOnlyList<TemplateColumn> columns, string dataSheetName, string readmeSheetName, string[] readmeHeaders)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddSheet(workbook, 1, dataSheetName, [columns.Select(column => column.Header).ToArray()]);
        AddSheet(workbook, 2, readmeSheetName, [readmeHeaders, .. columns.Select(column => new[] { column.Header, column.Code, column.Holds, column.AllowedText })]);
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, uint number, string name, IEnumerable<string[]> lines)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var rowIndex = 1u;
        foreach (var cells in lines)
        {
            data.Append(new Row(cells.Select(text => new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(text)),
            })) { RowIndex = rowIndex++ });
        }

        part.Worksheet = new Worksheet(data);
        part.Worksheet.Save();
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = number, Name = name });
    }
}
