namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// A cell's value as text, or why it is refused. <see cref="IsDate"/> marks a workbook's real date
/// cell, whose text is then the ISO day (<c>2026-04-03</c>) or date and time (<c>2026-04-03T09:30:00</c>).
/// </summary>
public readonly record struct SheetCell(string Text, bool IsDate = false, CellRefusal Refusal = CellRefusal.None)
{
    public static SheetCell Empty { get; } = new("");

    public static SheetCell Refused(CellRefusal refusal) => new("", Refusal: refusal);
}
