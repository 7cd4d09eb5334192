using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Benchmarks.Import;

/// <summary>
/// Assistance requests as a field office's sheet would hold them (every column of the template:
/// text, codes, days, an amount), written as CSV and as XLSX (the workbook with the Open XML SDK's
/// SAX writer, dates as real date cells, text as inline strings), row after row without holding them.
/// </summary>
public static class GeneratedRequests
{
    public static readonly string[] Headers =
        ["row_key", "requesting_state", "title", "description", "thematic_areas", "desired_start", "desired_end", "estimated_participants", "budget_amount", "budget_currency"];

    private static readonly string[] Countries = ["GHA", "KEN", "SEN", "PER", "VNM", "JOR"];

    public static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.WriteLine(string.Join(',', Headers));
        for (var row = 0; row < rows; row++)
        {
            var (start, end) = Days(row);
            writer.WriteLine(string.Join(',', Cells(row, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Select(Quoted)));
        }
    }

    public static void WriteXlsx(string path, int rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Headers.Select(Text));
            for (var row = 0; row < rows; row++)
            {
                var (start, end) = Days(row);
                var cells = Cells(row, "", "").Select(Text).ToArray();
                cells[5] = Date(start);
                cells[6] = Date(end);
                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Data" });
    }

    private static string[] Cells(int row, string start, string end) =>
    [
        $"r{row}", Countries[row % Countries.Length], $"Request {row}: training of investigators on electronic evidence",
        "Investigators of the national police need to seize, preserve and present electronic evidence.",
        "ELECTRONIC_EVIDENCE; PROCEDURAL_MEASURES", start, end, (20 + (row % 80)).ToString(CultureInfo.InvariantCulture),
        $"{50_000 + row}.50", "USD",
    ];

    // Every cell quoted as RFC 4180 has it, so the reader's unescaping is part of what is measured.
    private static string Quoted(string cell) => '"' + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    private static (DateOnly Start, DateOnly End) Days(int row)
    {
        var start = new DateOnly(2027, 1, 1).AddDays(row % 365);
        return (start, start.AddDays(30));
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Date(DateOnly day) => new()
    {
        StyleIndex = 1,
        CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
    };
}
