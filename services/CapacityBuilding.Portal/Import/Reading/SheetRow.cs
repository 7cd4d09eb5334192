namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// One row of an uploaded sheet as the user sees it: <see cref="Number"/> is the line or row
/// number their program shows (1 for the headers), the cells in column order.
/// </summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    public SheetCell this[int column] => column < Cells.Count ? Cells[column] : SheetCell.Empty;

    public bool IsBlank => Cells.All(cell => cell.Refusal == CellRefusal.None && string.IsNullOrWhiteSpace(cell.Text));
}
