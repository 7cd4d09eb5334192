using System.Buffers;
using System.Globalization;
using System.Text;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The rule for every string a caller sends: no control (Cc) or format (Cf) characters but tab and
/// line feed, nor U+FFFE, and stored in Unicode normalisation form C. Control characters break
/// logs, exports and terminals; format characters (bidi overrides, zero-width spaces and joiners, the byte-order mark)
/// make two texts that read alike differ, or one text read as another. A carriage return is accepted
/// only before a line feed, as browsers send a textarea's lines, and the pair is stored as a line feed.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// The text as it is to be stored, or <see langword="null"/> with <paramref name="problem"/>
    /// saying what is wrong with it (for a field violation).
    /// </summary>
    public static string? Accept(string value, out string? problem)
    {
        problem = null;
        if (IsPlainAscii(value))
        {
            return value;
        }

        var lineEnds = 0;
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var length) != OperationStatus.Done)
            {
                problem = $"contains an unpaired surrogate at position {i}; send well-formed UTF-8.";
                return null;
            }

            if (rune.Value == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                lineEnds++;
            }
            else if (WhyRefused(rune) is { } reason)
            {
                problem = $"must not contain U+{rune.Value:X4} (position {i}), {reason}.";
                return null;
            }

            i += length;
        }

        var text = lineEnds > 0 ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : value;
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static string? WhyRefused(Rune rune) => rune.Value switch
    {
        '\t' or '\n' => null,
        // Text with it was read in the wrong byte order; string.Normalize refuses it too.
        0xFFFE => "a byte-order mark read in the wrong byte order",
        _ => Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character (of those only tab and line feed are allowed)",
            UnicodeCategory.Format => "an invisible format character (bidi control, zero-width or byte-order mark)",
            _ => null,
        },
    };

    // Printable ASCII, tab and line feed: most names, codes and titles, already NFC and allowed as
    // they are, found by one vectorised scan.
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(code => (char)code), '\t', '\n']);

    private static bool IsPlainAscii(string value) => !value.AsSpan().ContainsAnyExcept(PlainAscii);
}
