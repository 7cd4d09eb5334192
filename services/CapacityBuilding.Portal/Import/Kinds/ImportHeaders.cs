using CapacityBuilding.Portal.Import.Reading;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// Where each template column is in an uploaded sheet, from its first row: a header is the
/// column's name in the user's language (as the downloaded template has it) or its code, letter
/// case and surrounding spaces aside. Columns the template does not know are ignored; a column
/// named twice, or a sheet naming none of the template's columns, refuses the file.
/// </summary>
public sealed class ImportHeaders
{
    private readonly Dictionary<string, int> indexByKey;

    private ImportHeaders(Dictionary<string, int> indexByKey) => this.indexByKey = indexByKey;

    public static ImportHeaders Read(SheetRow headerRow, IReadOnlyList<ImportColumn> columns, IStringLocalizer<ImportStrings> strings)
    {
        var keyByHeader = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            keyByHeader.TryAdd(column.Key, column.Key);
            keyByHeader.TryAdd(HeaderOf(column, strings), column.Key);
        }

        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < headerRow.Cells.Count; index++)
        {
            if (keyByHeader.TryGetValue(headerRow[index].Text.Trim(), out var key) && !indexByKey.TryAdd(key, index))
            {
                throw new SheetRefusedException(SheetRefusal.HeadersNotRecognised, $"column {key} is named twice");
            }
        }

        return indexByKey.Count > 0
            ? new ImportHeaders(indexByKey)
            : throw new SheetRefusedException(SheetRefusal.HeadersNotRecognised, "no header names a column of the template");
    }

    /// <summary>A column's header in the current UI language.</summary>
    public static string HeaderOf(ImportColumn column, IStringLocalizer<ImportStrings> strings) => strings["Column_" + column.Key];

    public int? IndexOf(string key) => indexByKey.TryGetValue(key, out var index) ? index : null;
}
