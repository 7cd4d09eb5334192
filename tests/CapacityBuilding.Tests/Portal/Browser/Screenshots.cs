using CapacityBuilding.Testing;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// Full-page screenshots for reviewers, under the test project's TestResults (gitignored):
/// <c>TestResults/screenshots/&lt;role&gt;/&lt;page&gt;[-&lt;language&gt;].png</c>, English without a suffix.
/// The folder is found from the test assembly's location, so it is the same on every machine.
/// </summary>
public static class Screenshots
{
    public const string DefaultLanguage = "en";

    public static DirectoryInfo Folder { get; } = new(Path.Combine(
        RepositoryLayout.Root.FullName, "tests", "CapacityBuilding.Tests", "TestResults", "screenshots"));

    public static async Task<FileInfo> SaveAsync(IPage page, string role, string pageName, string language = DefaultLanguage)
    {
        var suffix = language == DefaultLanguage ? "" : $"-{language}";
        var file = new FileInfo(Path.Combine(Folder.FullName, Slug(role), $"{Slug(pageName)}{suffix}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file.FullName, FullPage = true });
        return file;
    }

    /// <summary>A file name from a role or a page path: <c>/requests/new</c> becomes <c>requests-new</c>, <c>/</c> <c>home</c>.</summary>
    public static string Slug(string name)
    {
        var words = name.Split(['/', '?', '&', '=', ' ', '\\', ':'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "home" : string.Join('-', words).ToLowerInvariant();
    }
}
