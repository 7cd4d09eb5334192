using System.Text;

namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// The text of an uploaded CSV, decoded exactly or refused: UTF-8 with or without its byte order
/// mark, UTF-16 with its mark. Decoders throw on an invalid byte rather than put a replacement
/// character in a name (Windows-1252 files are refused, never misread); UTF-16 without a mark
/// (NUL bytes in text) and UTF-32 are refused before reading.
/// </summary>
public static class CsvText
{
    private const int SniffLength = 4096;

    public static TextReader Open(Stream stream)
    {
        var head = new byte[SniffLength];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return new StreamReader(stream, EncodingOf(head.AsSpan(0, length)), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
    }

    /// <summary>Turns a decoder's refusal met while reading into the file's refusal.</summary>
    public static SheetRefusedException NotUtf8(DecoderFallbackException invalid) =>
        new(SheetRefusal.NotUtf8, $"byte {invalid.Index} is not valid in the file's encoding");

    private static Encoding EncodingOf(ReadOnlySpan<byte> head)
    {
        // UTF-32 LE starts with the UTF-16 LE mark: it is looked for first.
        if (head.StartsWith(new UTF32Encoding(bigEndian: false, byteOrderMark: true).Preamble)
            || head.StartsWith(new UTF32Encoding(bigEndian: true, byteOrderMark: true).Preamble))
        {
            throw new SheetRefusedException(SheetRefusal.Utf32, "UTF-32 byte order mark");
        }

        // The reader skips the preamble of the encoding it is given, so each one is made with its mark.
        Encoding[] marked =
        [
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
            new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
            new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        ];
        foreach (var encoding in marked)
        {
            if (head.StartsWith(encoding.Preamble))
            {
                return encoding;
            }
        }

        if (head.Contains((byte)0))
        {
            throw new SheetRefusedException(SheetRefusal.Utf16WithoutBom, "NUL bytes without a byte order mark");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    }
}
