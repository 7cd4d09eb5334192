using System.Collections.Frozen;
using System.Text;

namespace CapacityBuilding.Training.Domain.Search;

/// <summary>
/// Splits text into the words the free-text index holds: lower case, accents of Latin letters
/// removed (so "electrónica" and "electronica" meet), letters and digits only, at least two
/// characters. Courses and queries go through the same function, so they always agree.
/// </summary>
public static class SearchWords
{
    public const int MinLength = 2;

    // The services run with invariant globalization, where string.Normalize does not decompose
    // accented letters, so the accents of the Latin-script UN languages (es, fr) and their
    // neighbours are folded from this table.
    private static readonly FrozenDictionary<char, char> Unaccented = new Dictionary<char, char>
    {
        ['à'] = 'a', ['á'] = 'a', ['â'] = 'a', ['ã'] = 'a', ['ä'] = 'a', ['å'] = 'a', ['ā'] = 'a',
        ['ç'] = 'c', ['č'] = 'c', ['ć'] = 'c',
        ['è'] = 'e', ['é'] = 'e', ['ê'] = 'e', ['ë'] = 'e', ['ē'] = 'e', ['ě'] = 'e',
        ['ì'] = 'i', ['í'] = 'i', ['î'] = 'i', ['ï'] = 'i', ['ī'] = 'i',
        ['ñ'] = 'n', ['ń'] = 'n',
        ['ò'] = 'o', ['ó'] = 'o', ['ô'] = 'o', ['õ'] = 'o', ['ö'] = 'o', ['ø'] = 'o', ['ō'] = 'o',
        ['ù'] = 'u', ['ú'] = 'u', ['û'] = 'u', ['ü'] = 'u', ['ū'] = 'u',
        ['ý'] = 'y', ['ÿ'] = 'y',
        ['š'] = 's', ['ž'] = 'z',
    }.ToFrozenDictionary();

    public static IReadOnlySet<string> Of(params string[] texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var character in text)
            {
                if (char.IsLetterOrDigit(character))
                {
                    var lower = char.ToLowerInvariant(character);
                    word.Append(Unaccented.GetValueOrDefault(lower, lower));
                }
                else
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
            words.Add(word.ToString());
        }

        word.Clear();
    }
}
