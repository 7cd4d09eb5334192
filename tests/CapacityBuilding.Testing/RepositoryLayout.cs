namespace CapacityBuilding.Testing;

/// <summary>Where the built services are, found from the location of the running test or benchmark assembly.</summary>
public static class RepositoryLayout
{
    private static readonly DirectoryInfo TestBinDirectory = new(AppContext.BaseDirectory);

    public static DirectoryInfo Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever the tests themselves were built as (bin/{configuration}/{tfm}/).</summary>
    private static string Configuration => TestBinDirectory.Parent!.Name;

    private static string TargetFramework => TestBinDirectory.Name;

    /// <summary>The bin folder of a built project, e.g. <c>services/CapacityBuilding.Training</c>.</summary>
    public static string OutputOf(string projectFolder) =>
        Path.Combine(Root.FullName, projectFolder, "bin", Configuration, TargetFramework);

    private static DirectoryInfo FindRoot()
    {
        for (var directory = TestBinDirectory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapacityBuilding.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No CapacityBuilding.sln above {TestBinDirectory.FullName}.");
    }
}
