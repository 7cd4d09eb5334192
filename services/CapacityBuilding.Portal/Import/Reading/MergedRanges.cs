using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// The merged ranges of a worksheet. A worksheet lists them after its rows, so they are read in a
/// pass of their own before the rows (skipping the rows' contents), keeping memory to the ranges.
/// </summary>
public sealed class MergedRanges
{
    private readonly List<(CellReference From, CellReference To)> ranges = [];

    public static MergedRanges Of(WorksheetPart worksheet)
    {
        var merged = new MergedRanges();
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement)
            {
                // Past the rows without making their elements.
                reader.ReadNextSibling();
            }

            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement
                && ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value?.Split(':') is [var from, var to]
                && CellReference.Parse(from) is { } first && CellReference.Parse(to) is { } last)
            {
                merged.ranges.Add((first, last));
            }
        }

        return merged;
    }

    /// <summary>The columns a merged range covers in <paramref name="row"/>, whether or not the row stores a cell there.</summary>
    public IEnumerable<int> ColumnsIn(int row) => ranges
        .Where(range => row >= range.From.Row && row <= range.To.Row)
        .SelectMany(range => Enumerable.Range(range.From.Column, range.To.Column - range.From.Column + 1));
}
