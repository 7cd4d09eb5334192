using System.Text;
using nietras.SeparatedValues;

namespace CapacityBuilding.Portal.Import.Templates;

/// <summary>
/// A kind's CSV template (the headers in the user's language) and its README (one line per
/// column: header, code, what it holds, allowed values), UTF-8 with a byte order mark so that
/// spreadsheet programs open accented headers as they are.
/// </summary>
public static class CsvTemplate
{
    public static async Task WriteTemplateAsync(Stream output, IReadOnlyList<TemplateColumn> columns) =>
        await WriteAsync(output, [columns.Select(column => column.Header).ToArray()]);

    public static async Task WriteReadmeAsync(Stream output, IReadOnlyList<TemplateColumn> columns, string[] readmeHeaders) =>
        await WriteAsync(output, [readmeHeaders, .. columns.Select(column => new[] { column.Header, column.Code, column.Holds, column.AllowedText })]);

    // Sep writes synchronously, which a response body refuses: a template (a few kilobytes) is
    // written to memory first, then sent.
    private static async Task WriteAsync(Stream output, IEnumerable<string[]> lines)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var writer = Sep.New(',').Writer(options => options with { WriteHeader = false, Escape = true }).To(text, leaveOpen: true))
        {
            foreach (var cells in lines)
            {
                using var row = writer.NewRow();
                for (var index = 0; index < cells.Length; index++)
                {
                    row[index].Set(cells[index]);
                }
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }
}
