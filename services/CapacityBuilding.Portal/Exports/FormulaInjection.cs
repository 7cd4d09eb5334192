using CsvHelper;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// Text that a spreadsheet would take for a formula (OWASP's CSV injection): a cell whose text
/// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return. The characters
/// are CsvHelper's own list, which its writer escapes in CSV (<see cref="CsvInjection.Escape"/>:
/// a leading apostrophe); the XLSX writer marks such text with Excel's quote prefix, so both
/// formats keep the same cells from a formula engine. Numbers and dates are no text, so <c>-5</c>
/// stays a number.
/// </summary>
public static class FormulaInjection
{
    public static CsvWriterOptions CsvOptions { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static bool LooksLikeFormula(string text) => text.Length > 0 && CsvOptions.InjectionCharacters.Contains(text[0]);
}
