using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// The portal runs in the tests with strict localization: a key without a string in the current
/// culture renders as <c>[[missing:Key]]</c>. These find such markers in a page's markup (its
/// text and every attribute: labels, titles, alt texts, aria-labels), so a missing translation
/// fails a test instead of showing English or a key to a user.
/// </summary>
public static partial class MissingStrings
{
    /// <summary>The keys whose strings are missing anywhere in the page.</summary>
    public static async Task<IReadOnlyList<string>> InPageAsync(IPage page) => Keys(await page.ContentAsync());

    /// <summary>
    /// The keys missing in the layout only (everything outside <c>main</c>): for languages whose
    /// page strings are not written yet, but whose header, navigation and footer must be.
    /// </summary>
    public static async Task<IReadOnlyList<string>> InLayoutAsync(IPage page) =>
        Keys(await page.EvaluateAsync<string>(
            """
            () => {
              const copy = document.documentElement.cloneNode(true);
              copy.querySelectorAll('main').forEach(main => main.remove());
              return copy.outerHTML;
            }
            """));

    public static IReadOnlyList<string> Keys(string markup) =>
        [.. Marker().Matches(markup).Select(match => match.Groups["key"].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\[\[missing:(?<key>[^\]]*)\]\]")]
    private static partial Regex Marker();
}
