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

    /// <summary>
    /// The tallest screenshot taken. Pages that list what the whole test run stored grow to
    /// 35,000 pixels and more; the top of a page is what a reviewer looks at, and a smaller capture
    /// costs a loaded CI machine's software renderer less.
    /// </summary>
    public const int MaxHeight = 8000;

    /// <summary>
    /// The widest: a request page once grew to tens of thousands of pixels wide (a timeline reason
    /// listing every overlapping request without a space to wrap at), and chromium could not capture
    /// it ("Unable to capture screenshot").
    /// </summary>
    public const int MaxWidth = 4000;

    public static DirectoryInfo Folder { get; } = new(Path.Combine(
        RepositoryLayout.Root.FullName, "tests", "CapacityBuilding.Tests", "TestResults", "screenshots"));

    public static async Task<FileInfo> SaveAsync(IPage page, string role, string pageName, string language = DefaultLanguage)
    {
        var suffix = language == DefaultLanguage ? "" : $"-{language}";
        var file = new FileInfo(Path.Combine(Folder.FullName, Slug(role), $"{Slug(pageName)}{suffix}.png"));
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file.FullName,
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = Math.Min(size[0], MaxWidth), Height = Math.Min(size[1], MaxHeight) },
        });
        return file;
    }

    /// <summary>A file name from a role or a page path: <c>/requests/new</c> becomes <c>requests-new</c>, <c>/</c> <c>home</c>.</summary>
    public static string Slug(string name)
    {
        var words = name.Split(['/', '?', '&', '=', ' ', '\\', ':'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "home" : string.Join('-', words).ToLowerInvariant();
    }
}
