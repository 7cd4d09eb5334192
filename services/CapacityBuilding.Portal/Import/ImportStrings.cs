namespace CapacityBuilding.Portal.Import;

/// <summary>
/// The import's words (Resources/Import/ImportStrings.*.resx): its pages, its templates' headers
/// (<c>Column_{key}</c>) and README, and its report's messages, in one resource because the
/// background run and the pages share them.
/// </summary>
public sealed class ImportStrings
{
    private ImportStrings()
    {
    }
}
