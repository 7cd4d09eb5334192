using System.Diagnostics.CodeAnalysis;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// A code list as a column accepts it: each value by its code (the proto enum value's name,
/// with or without its type prefix, e.g. <c>THEMATIC_AREA_ELECTRONIC_EVIDENCE</c> or
/// <c>ELECTRONIC_EVIDENCE</c>) or by its name in the user's language, letter case aside.
/// </summary>
public sealed class CodeList<TValue>
    where TValue : notnull
{
    private readonly Dictionary<string, TValue> byText = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="aliases">Other spellings accepted and not listed, such as a code's long form.</param>
    public CodeList(IEnumerable<(TValue Value, string Code, string Name)> entries, IEnumerable<(TValue Value, string Text)>? aliases = null)
    {
        Entries = [.. entries];
        foreach (var (value, code, name) in Entries)
        {
            byText.TryAdd(code, value);
            byText.TryAdd(name.Trim(), value);
        }

        foreach (var (value, text) in aliases ?? [])
        {
            byText.TryAdd(text, value);
        }
    }

    /// <summary>The allowed values, for the template's README sheet.</summary>
    public IReadOnlyList<(TValue Value, string Code, string Name)> Entries { get; }

    public bool TryParse(string text, [MaybeNullWhen(false)] out TValue value) => byText.TryGetValue(text.Trim(), out value);
}
