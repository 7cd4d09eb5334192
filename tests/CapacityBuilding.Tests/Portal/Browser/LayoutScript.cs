using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// In a partly translated language (ar, ru, zh) the layout must be translated, yet a layout key
/// its resource file lacks falls back to English without a missing-string marker. So every link,
/// button and label outside <c>main</c> must be written in the language's script.
/// </summary>
public static class LayoutScript
{
    /// <summary>The layout's link, button and label texts with no letter of <paramref name="unicodeBlock"/> (e.g. <c>Arabic</c>).</summary>
    public static async Task<IReadOnlyList<string>> TextsNotInAsync(IPage page, string unicodeBlock)
    {
        var script = new Regex($@"\p{{Is{unicodeBlock}}}");
        var texts = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('a, button, label')]
              .filter(element => !element.closest('main'))
              .map(element => element.textContent.trim())
              .filter(text => text.length > 0)
            """);
        return [.. texts.Where(text => !script.IsMatch(text))];
    }
}
