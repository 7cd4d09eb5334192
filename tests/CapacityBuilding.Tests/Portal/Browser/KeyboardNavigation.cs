using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// For keyboard-only flows: reach an element with the Tab key as a person without a mouse does,
/// so a flow test proves the focus order gets there (and fails if it never does) before it
/// presses Enter or types.
/// </summary>
public static class KeyboardNavigation
{
    // More stops than any of our pages has: past this, the element is not in the focus order.
    private const int MaxTabs = 100;

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; returns how many presses it took.</summary>
    public static async Task<int> TabToAsync(this BrowserSession session, ILocator target)
    {
        for (var presses = 1; presses <= MaxTabs; presses++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return presses;
            }
        }

        throw new InvalidOperationException($"{target} did not get the focus after {MaxTabs} presses of Tab at {session.Page.Url}.");
    }
}
