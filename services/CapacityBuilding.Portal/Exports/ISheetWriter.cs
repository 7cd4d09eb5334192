namespace CapacityBuilding.Portal.Exports;

/// <summary>One spreadsheet format: writes a list's headers and rows to the response as they are read.</summary>
public interface ISheetWriter
{
    /// <summary>The file name's extension and the download address's, without the dot.</summary>
    string Extension { get; }

    string ContentType { get; }

    /// <summary>Writes the file; returns how many rows it holds.</summary>
    Task<int> WriteAsync(HttpResponse response, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<SheetCell[]> rows, CancellationToken cancellation);
}
