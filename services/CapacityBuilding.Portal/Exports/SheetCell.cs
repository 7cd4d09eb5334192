namespace CapacityBuilding.Portal.Exports;

public enum SheetCellKind
{
    Text,
    Number,
    Date,
}

/// <summary>
/// One cell of a downloaded list, typed so that each format writes it as what it is: a number as
/// a number, a date as a date (a real date cell in XLSX, ISO 8601 in CSV), text as text.
/// </summary>
public readonly record struct SheetCell(SheetCellKind Kind, string Text, decimal Number, DateOnly Date)
{
    public static SheetCell Empty { get; } = Of("");

    public static SheetCell Of(string? text) => new(SheetCellKind.Text, text ?? "", 0m, default);

    // Dividing by one with a scale of 28 drops the trailing zeros a sum of units and nanos carries: 40, not 40.000000000.
    public static SheetCell Of(decimal number) => new(SheetCellKind.Number, "", number / 1.0000000000000000000000000000m, default);

    public static SheetCell Of(DateOnly? date) => date is { } day ? new(SheetCellKind.Date, "", 0m, day) : Empty;
}
