namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>A workbook cell's position from its A1 reference (<c>C5</c> → column 2, row 5), columns from 0, rows from 1.</summary>
public readonly record struct CellReference(int Column, int Row)
{
    public static CellReference? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var index = 0;
        for (; index < reference.Length && char.IsAsciiLetter(reference[index]); index++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[index]) - 'A' + 1);
        }

        return index > 0 && int.TryParse(reference.AsSpan(index), out var row) ? new CellReference(column - 1, row) : null;
    }

    /// <summary>The A1 name of a column from 0 (2 → <c>C</c>), as a spreadsheet program labels it.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var rest = column + 1; rest > 0; rest = (rest - 1) / 26)
        {
            name = (char)('A' + ((rest - 1) % 26)) + name;
        }

        return name;
    }
}
