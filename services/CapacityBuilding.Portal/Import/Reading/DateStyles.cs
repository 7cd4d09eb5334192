using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// Which cell styles of a workbook show a number as a date: a workbook stores a date as a number
/// of days, and only its style's number format says it is one (the built-in date formats, or a
/// custom format with day, month, year or time letters outside quoted text).
/// </summary>
public sealed class DateStyles
{
    // ECMA-376 Part 1, 18.8.30: the built-in date and time formats, and the East Asian ones.
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    private readonly HashSet<uint> dateStyleIndexes;

    private DateStyles(HashSet<uint> dateStyleIndexes) => this.dateStyleIndexes = dateStyleIndexes;

    public static DateStyles Of(WorkbookStylesPart? styles)
    {
        var stylesheet = styles?.Stylesheet;
        var customDates = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(format => IsDateFormat(format.FormatCode?.Value))
            .Select(format => format.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var indexes = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || customDates.Contains(id))
            {
                indexes.Add(index);
            }

            index++;
        }

        return new DateStyles(indexes);
    }

    public bool IsDate(uint? styleIndex) => styleIndex is { } index && dateStyleIndexes.Contains(index);

    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var inQuotes = false;
        var inBrackets = false;
        for (var index = 0; index < code.Length; index++)
        {
            var letter = code[index];
            switch (letter)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '\\':
                    index++;
                    break;
                case '[' when !inQuotes:
                    inBrackets = true;
                    break;
                case ']' when !inQuotes:
                    inBrackets = false;
                    break;
                default:
                    if (!inQuotes && !inBrackets && "dmyhsDMYHS".Contains(letter, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
