using System.Xml.Linq;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// English, French and Spanish are complete: every key of each neutral resource file is in its
/// .fr and .es files. Arabic, Russian and Chinese files may hold fewer keys (the rest falls back
/// to English) but none the neutral file lacks, so a key renamed in English is renamed everywhere.
/// </summary>
public sealed class ResourceParityTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.Portal", "Resources");

    private static readonly string[] CompleteCultures = ["fr", "es"];
    private static readonly string[] PartialCultures = ["ar", "ru", "zh"];

    public static TheoryData<string> NeutralFiles => new(Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
        .Where(file => Path.GetFileNameWithoutExtension(file).IndexOf('.', StringComparison.Ordinal) < 0)
        .Select(file => Path.GetRelativePath(ResourcesFolder, file))
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void French_and_Spanish_have_every_key_and_no_language_has_a_key_English_lacks(string neutralFile)
    {
        var neutral = KeysOf(Path.Combine(ResourcesFolder, neutralFile));

        foreach (var culture in CompleteCultures)
        {
            var localized = KeysOf(CultureFile(neutralFile, culture));
            Assert.True(neutral.SetEquals(localized),
                $"{neutralFile} ({culture}): missing {string.Join(", ", neutral.Except(localized))}; extra {string.Join(", ", localized.Except(neutral))}");
        }

        foreach (var culture in PartialCultures.Where(culture => File.Exists(CultureFile(neutralFile, culture))))
        {
            var localized = KeysOf(CultureFile(neutralFile, culture));
            Assert.True(localized.IsSubsetOf(neutral), $"{neutralFile} ({culture}): keys English lacks: {string.Join(", ", localized.Except(neutral))}");
        }
    }

    [Fact]
    public void The_layouts_strings_exist_in_all_six_languages()
    {
        var common = Path.Combine("Localization", "CommonStrings.resx");
        foreach (var culture in PartialCultures)
        {
            Assert.True(File.Exists(CultureFile(common, culture)), $"{common} has no {culture} file.");
        }
    }

    private static string CultureFile(string neutralFile, string culture) =>
        Path.Combine(ResourcesFolder, Path.ChangeExtension(neutralFile, $".{culture}.resx"));

    private static HashSet<string> KeysOf(string file)
    {
        Assert.True(File.Exists(file), $"{file} is missing.");
        return XDocument.Load(file).Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }
}
