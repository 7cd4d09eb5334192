namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>Why a whole file cannot be read (ImportStrings <c>File_{value}</c>): nothing of it is imported.</summary>
public enum SheetRefusal
{
    /// <summary>Text that is not UTF-8 and carries no byte order mark naming another encoding (e.g. Windows-1252).</summary>
    NotUtf8,

    /// <summary>UTF-16 without a byte order mark: its byte order would be a guess.</summary>
    Utf16WithoutBom,

    /// <summary>A UTF-32 byte order mark: not a CSV encoding any spreadsheet program writes by default.</summary>
    Utf32,

    /// <summary>A zip that is not a workbook, or a workbook the Open XML SDK cannot open (encrypted, damaged).</summary>
    NotAWorkbook,

    /// <summary>A workbook without a worksheet.</summary>
    NoWorksheet,

    /// <summary>The first row names a column twice, or names none of the template's columns.</summary>
    HeadersNotRecognised,
}
