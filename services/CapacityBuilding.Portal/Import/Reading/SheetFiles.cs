namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// An uploaded file's rows, by what the file is rather than what it is called: a zip (the
/// <c>PK</c> signature every XLSX starts with) is read as a workbook, anything else as CSV text.
/// </summary>
public static class SheetFiles
{
    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;

    public static bool IsWorkbook(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return head[..length].SequenceEqual(ZipSignature);
    }

    public static IEnumerable<SheetRow> Read(Stream stream) => IsWorkbook(stream) ? XlsxSheet.Read(stream) : CsvSheet.Read(stream);
}
