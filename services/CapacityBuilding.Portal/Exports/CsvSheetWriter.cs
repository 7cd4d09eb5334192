using CsvHelper;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// CSV (RFC 4180) by CsvHelper, written to the response a record at a time (CsvHelper writes its
/// buffer out asynchronously when it is mostly full): UTF-8 with a byte-order mark, so that
/// spreadsheets read non-Latin names right; numbers with a point and no grouping, dates as ISO
/// 8601 (<c>2026-11-30</c>), which spreadsheets read as dates in any locale; text that would run
/// as a formula is escaped with a leading apostrophe and quoted (<see cref="FormulaInjection"/>).
/// </summary>
public sealed class CsvSheetWriter : ISheetWriter
{
    private static readonly CsvWriterOptions Options = FormulaInjection.CsvOptions with { WriteByteOrderMark = true };

    public string Extension => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public async Task<int> WriteAsync(HttpResponse response, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<SheetCell[]> rows, CancellationToken cancellation)
    {
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync(cancellation);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellation))
        {
            foreach (var cell in row)
            {
                Write(csv, cell);
            }

            await csv.EndRecordAsync(cancellation);
            count++;
        }

        await csv.FlushAsync(cancellation);
        return count;
    }

    private static void Write(CsvWriter csv, SheetCell cell)
    {
        switch (cell.Kind)
        {
            case SheetCellKind.Number:
                csv.WriteField(cell.Number, "");
                break;
            case SheetCellKind.Date:
                csv.WriteField(cell.Date, "");
                break;
            default:
                csv.WriteField(cell.Text);
                break;
        }
    }
}
