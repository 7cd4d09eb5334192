using System.Globalization;
using System.Text;

namespace CapacityBuilding.Training.Search;

/// <summary>
/// Splits text into the words the free-text index holds: lower case, accents removed (so
/// "electrónica" and "electronica" meet), letters and digits only, at least two characters.
/// Courses and queries go through the same function, so they always agree.
/// </summary>
public static class SearchWords
{
    public const int MinLength = 2;

    public static IReadOnlySet<string> Of(params string[] texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var character in text.Normalize(NormalizationForm.FormD))
            {
                if (char.IsLetterOrDigit(character))
                {
                    word.Append(char.ToLowerInvariant(character));
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
                {
                    Flush(word, words);
                }
            }

            Flush(word, words);
        }

        return words;
    }

    private static void Flush(StringBuilder word, HashSet<string> words)
    {
        if (word.Length >= MinLength)
        {
            words.Add(word.ToString().Normalize(NormalizationForm.FormC));
        }

        word.Clear();
    }
}
