using System.Text;
using nietras.SeparatedValues;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// The rows of a CSV, read one at a time with Sep (the separator, comma, semicolon or tab, found
/// from the header line as spreadsheet programs in different locales write it), quotes removed.
/// A row's number is the one a spreadsheet program shows for it, whatever line breaks its
/// quoted cells hold. An invalid byte anywhere refuses the file (<see cref="CsvText"/>).
/// </summary>
public static class CsvSheet
{
    public static IEnumerable<SheetRow> Read(Stream stream)
    {
        using var text = CsvText.Open(stream);
        using var reader = Decoded(() => Sep.Reader(options => options with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text));
        while (Decoded(reader.MoveNext))
        {
            yield return Current(reader);
        }
    }

    private static SheetRow Current(SepReader reader)
    {
        var row = reader.Current;
        var cells = new SheetCell[row.ColCount];
        for (var column = 0; column < cells.Length; column++)
        {
            cells[column] = new SheetCell(row[column].ToString());
        }

        return new SheetRow(row.RowIndex + 1, cells);
    }

    private static T Decoded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException invalid)
        {
            throw CsvText.NotUtf8(invalid);
        }
    }
}
