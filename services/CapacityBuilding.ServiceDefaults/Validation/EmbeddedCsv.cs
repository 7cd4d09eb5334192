using System.Reflection;
using System.Text;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Reads the small code-list CSV files embedded in an assembly (this one's shared lists, or a
/// service's own): a header line, then rows of comma-separated fields where a field may be
/// double-quoted to contain commas.
/// </summary>
public static class EmbeddedCsv
{
    internal static IEnumerable<string[]> ReadRows(string resourceName) => ReadRows(typeof(EmbeddedCsv).Assembly, resourceName);

    public static IEnumerable<string[]> ReadRows(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded code list '{resourceName}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return SplitFields(line);
            }
        }
    }

    private static string[] SplitFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(character);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
