using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// One headless chromium for the whole test run, launched on first use (tests that need no
/// browser never pay for it); each test gets contexts of its own, so tests cannot see each
/// other's cookies and may run side by side.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> launched = new(LaunchAsync);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A fresh context (cookies, storage) on the shared browser, relative URLs against <paramref name="baseAddress"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null, bool javaScriptEnabled = true)
    {
        var (_, browser) = await launched.Value;
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            // A common laptop width: screenshots show the layout most users see.
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        // The NuGet package ships Playwright's node driver, so nothing is downloaded; the browser
        // is Debian's, given by path.
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocation.Find(),
            Headless = true,
            // Chromium's sandbox refuses to start as root (CI runs as root); the pages are our
            // own portal on loopback.
            ChromiumSandbox = false,
        });
        return (playwright, browser);
    }

    public async Task DisposeAsync()
    {
        if (launched.IsValueCreated)
        {
            var (playwright, browser) = await launched.Value;
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
