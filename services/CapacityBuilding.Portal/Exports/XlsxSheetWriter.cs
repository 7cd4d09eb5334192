using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// XLSX by the Open XML SDK, the rows never held in memory. The SDK makes the workbook's skeleton in
/// memory (content types, relationships, workbook, styles, an empty sheet: a few kilobytes; it
/// cannot build a package that is only written, and a package it can read back keeps every part
/// uncompressed in memory until it is closed). The file is then the skeleton's ZIP entries copied
/// one by one, but the sheet's, which is written row by row as the rows are read, with the SDK's
/// forward-only <see cref="OpenXmlWriter"/>, compressed as it goes, onto a temporary file deleted
/// when closed: a ZIP's directory comes last and these writes are synchronous, which Kestrel
/// refuses on the response, so the finished file is copied to the response asynchronously.
/// Numbers are number cells, dates are date cells (a serial date with Excel's built-in date format
/// 14, shown in the reader's locale), text is inline text (no shared-string table to keep); text
/// that would run as a formula (<see cref="FormulaInjection"/>) is also marked with Excel's quote
/// prefix, as Excel marks text typed with a leading apostrophe, so that editing the cell never
/// turns it into one.
/// </summary>
public sealed class XlsxSheetWriter : ISheetWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint QuotedTextStyle = 3;

    // Excel's built-in number format 14: a short date in the reader's locale.
    private const uint BuiltInShortDate = 14;

    public string Extension => "xlsx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<int> WriteAsync(HttpResponse response, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<SheetCell[]> rows, CancellationToken cancellation)
    {
        using var skeleton = new MemoryStream();
        var sheetEntry = WriteSkeleton(skeleton, sheetName);
        skeleton.Position = 0;
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, bufferSize: 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var count = 0;
        using (var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var output = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == sheetEntry)
                {
                    count = await WriteSheetAsync(output, headers, rows, cancellation);
                }
                else
                {
                    using var input = entry.Open();
                    input.CopyTo(output);
                }
            }
        }

        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, cancellation);
        return count;
    }

    /// <returns>The ZIP entry of the (empty) sheet, which the rows replace.</returns>
    private static string WriteSkeleton(Stream skeleton, string sheetName)
    {
        using var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        worksheet.Worksheet = new Worksheet(new SheetData());
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
        return worksheet.Uri.OriginalString.TrimStart('/');
    }

    private static async Task<int> WriteSheetAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<SheetCell[]> rows, CancellationToken cancellation)
    {
        using var writer = OpenXmlWriter.Create(output);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(new Row(headers.Select(header => TextCell(header, HeaderStyle))));
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellation))
        {
            writer.WriteElement(new Row(row.Select(Cell)));
            count++;
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        return count;
    }

    private static Cell Cell(SheetCell cell) => cell.Kind switch
    {
        SheetCellKind.Number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(cell.Number) },
        SheetCellKind.Date => new Cell
        {
            StyleIndex = DateStyle,
            CellValue = new CellValue(cell.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        _ => TextCell(cell.Text, FormulaInjection.LooksLikeFormula(cell.Text) ? QuotedTextStyle : null),
    };

    private static Cell TextCell(string text, uint? style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    /// <summary>Cell formats by index: 0 plain, 1 bold header, 2 date, 3 quote-prefixed text.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellStyleFormats(new CellFormat()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = BuiltInShortDate, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true }));
}
