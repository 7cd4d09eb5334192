using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// A workbook's shared string table, which its text cells point into by index: read one item at a
/// time (the SAX reader), keeping only the strings, not the XML. A rich-text item is its runs' text.
/// </summary>
public static class SharedStrings
{
    public static IReadOnlyList<string> Of(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    // The visible text: plain text or the runs', without the phonetic guides (rPh) East Asian
    // workbooks add under the text, which InnerText would append.
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.ChildElements.Select(child => child switch
        {
            Text text => text.Text,
            Run run => run.Text?.Text ?? "",
            _ => "",
        }));

    public static string InlineText(InlineString inline) => TextOf(inline);
}
