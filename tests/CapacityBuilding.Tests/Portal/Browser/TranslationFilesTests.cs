using System.Xml.Linq;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// The browser crawl sees a missing string only when no resource file has it: a key that the
/// English (neutral) file has and the French one lacks falls back to English silently. So every
/// neutral resource file of the portal has a French and a Spanish file with exactly its keys.
/// </summary>
public sealed class TranslationFilesTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.Portal", "Resources");

    [Fact]
    public void Every_english_string_of_the_portal_has_a_french_and_a_spanish_string_and_no_more()
    {
        var neutralFiles = Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(Path.GetFileNameWithoutExtension(file)).Length == 0)
            .ToList();
        var problems = new List<string>();
        foreach (var neutral in neutralFiles)
        {
            var english = Keys(neutral);
            foreach (var language in PortalLanguages.Complete.Where(language => language != PortalLanguages.English))
            {
                var translated = Path.ChangeExtension(neutral, $".{language}.resx");
                var name = Path.GetRelativePath(ResourcesFolder, translated);
                if (!File.Exists(translated))
                {
                    problems.Add($"{name} is missing");
                    continue;
                }

                var keys = Keys(translated);
                problems.AddRange(english.Except(keys).Select(key => $"{name} lacks {key}"));
                problems.AddRange(keys.Except(english).Select(key => $"{name} has {key}, which the English file does not"));
            }
        }

        Assert.NotEmpty(neutralFiles);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static HashSet<string> Keys(string resx) =>
        [.. XDocument.Load(resx).Root!.Elements("data").Select(data => (string)data.Attribute("name")!)];
}
